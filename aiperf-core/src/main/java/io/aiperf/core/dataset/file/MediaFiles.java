package io.aiperf.core.dataset.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one media reference of a dataset row into what a request carries, as AIPerf does: URLs and data URLs are
 * kept; a local file is read and base64-encoded, into a data URL (images, videos; MIME type from the extension) or
 * into {@code "<format>,<base64>"} (audio, AIPerf's encoding of {@code input_audio}). Relative paths are read from
 * the folder of the dataset file. Each file is read once per load, and rows naming the same file share one string.
 * Not thread-safe: rows are parsed one at a time.
 */
final class MediaFiles {

    /** The modalities a row may carry, with the content name they get when the row gives none. */
    enum Kind {
        IMAGE("image_url", Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif",
                "webp", "image/webp", "bmp", "image/bmp", "tif", "image/tiff", "tiff", "image/tiff")),
        AUDIO("input_audio", Map.of("wav", "wav", "wave", "wav", "mp3", "mp3", "mpga", "mp3", "flac", "flac",
                "ogg", "ogg", "opus", "opus", "m4a", "m4a", "aac", "aac", "webm", "webm")),
        VIDEO("video_url", Map.of("mp4", "video/mp4", "webm", "video/webm", "mov", "video/quicktime",
                "mkv", "video/x-matroska", "avi", "video/x-msvideo", "m4v", "video/x-m4v"));

        final String defaultName;
        /** Extension to MIME type (images, videos) or to audio format. */
        final Map<String, String> byExtension;

        Kind(String defaultName, Map<String, String> byExtension) {
            this.defaultName = defaultName;
            this.byExtension = byExtension;
        }

        String noun() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.+");
    private static final Pattern AUDIO_CONTENT = Pattern.compile("^[a-z0-9]{2,5},.+", Pattern.DOTALL);
    private static final Pattern DATA_URL = Pattern.compile("^data:([^;,]*)(;[^,]*)?;base64,.+", Pattern.DOTALL);

    private final Path baseDir;
    private final Map<String, String> encoded = new HashMap<>();

    /** @param baseDir the folder relative paths are read from (the dataset file's) */
    MediaFiles(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** Relative paths against the working directory: for rows not read from a file. */
    static MediaFiles workingDirectory() {
        return new MediaFiles(Path.of(""));
    }

    /** The folder of {@code datasetFile} (the working directory for a bare file name). */
    static MediaFiles besides(Path datasetFile) {
        Path parent = datasetFile.toAbsolutePath().getParent();
        return new MediaFiles(parent != null ? parent : Path.of(""));
    }

    /**
     * The content to send for {@code value} found at {@code at} ({@code 'image'}, {@code 'images[2]'}, ...).
     *
     * @throws DatasetFileException for a missing or unreadable file, an unknown extension, a malformed data URL, or
     *                              an audio URL (input_audio carries the data itself)
     */
    String content(RowFields f, String at, String value, Kind kind) {
        if (value.isEmpty()) {
            throw f.error(at + " must not be empty");
        }
        if (value.startsWith("data:")) {
            return dataUrl(f, at, value, kind);
        }
        if (kind == Kind.AUDIO && AUDIO_CONTENT.matcher(value).matches()) {
            return value; // already "<format>,<base64>"
        }
        if (URL.matcher(value).matches() && !value.regionMatches(true, 0, "file://", 0, 7)) {
            if (kind == Kind.AUDIO) {
                throw f.error(at + " is a URL, which input_audio cannot carry: give a local file, a data URL or"
                        + " '<format>,<base64>'");
            }
            return value;
        }
        String path = value.regionMatches(true, 0, "file://", 0, 7) ? value.substring(7) : value;
        Path file;
        try {
            file = baseDir.resolve(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            // the JDK's message quotes the path, control characters included: show those escaped
            throw f.error(at + " is neither a URL nor a valid path: " + printable(e.getMessage()));
        }
        String cached = encoded.get(kind.name() + ":" + file);
        if (cached == null) {
            cached = readFile(f, at, file, Path.of(path).isAbsolute(), kind);
            encoded.put(kind.name() + ":" + file, cached);
        }
        return cached;
    }

    private static String dataUrl(RowFields f, String at, String value, Kind kind) {
        var m = DATA_URL.matcher(value);
        if (!m.matches()) {
            throw f.error(at + " is not a base64 data URL (data:<type>;base64,<data>)");
        }
        if (kind != Kind.AUDIO) {
            return value;
        }
        String mime = m.group(1).toLowerCase(Locale.ROOT);
        String sub = mime.startsWith("audio/") ? mime.substring(6) : "";
        String format = switch (sub) {
            case "wav", "wave", "x-wav", "vnd.wave" -> "wav";
            case "mpeg", "mp3", "mpeg3", "x-mp3" -> "mp3";
            default -> sub;
        };
        if (format.isEmpty()) {
            throw f.error(at + " is a data URL of type '" + mime + "', not audio/...");
        }
        return format + "," + value.substring(value.indexOf(',') + 1);
    }

    private static String readFile(RowFields f, String at, Path file, boolean absolute, Kind kind) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = kind.byExtension.get(ext);
        if (!Files.isRegularFile(file)) {
            throw f.error(at + ": no such " + kind.noun() + " file: " + file
                    + (absolute ? "" : " (relative paths are read from the dataset file's folder)"));
        }
        if (type == null) {
            throw f.error(at + ": cannot tell the " + kind.noun() + " type of '" + name + "' from its extension ("
                    + String.join(", ", kind.byExtension.keySet().stream().sorted().toList()) + ")");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw f.error(at + ": cannot read " + file + ": " + e.getMessage());
        }
        String base64 = Base64.getEncoder().encodeToString(bytes);
        return kind == Kind.AUDIO ? type + "," + base64 : "data:" + type + ";base64," + base64;
    }

    /** {@code text} with control characters written as {@code \\uXXXX}, so an error stays one readable line. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}

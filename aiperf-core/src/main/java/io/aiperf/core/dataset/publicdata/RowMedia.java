package io.aiperf.core.dataset.publicdata;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The images and videos of a dataset row as request contents. A value may be a URL or data URL (kept), bare
 * base64 image bytes, the datasets-server form {@code {"src": URL}}, or the {@code datasets} Image form
 * {@code {"bytes": base64, "path": name}}; or a list of those. Bytes become a data URL whose type comes from the
 * bytes' signature (PNG, JPEG, GIF, WebP), else from the path's extension.
 */
final class RowMedia {

    private RowMedia() {
    }

    /** The images of {@code value} (empty for null or missing). */
    static List<String> images(JsonNode value) {
        List<String> out = new ArrayList<>();
        collect(value, out, true);
        return out;
    }

    /** The video URLs of {@code value} (empty for null or missing). */
    static List<String> videos(JsonNode value) {
        List<String> out = new ArrayList<>();
        collect(value, out, false);
        return out;
    }

    private static void collect(JsonNode value, List<String> out, boolean image) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isArray()) {
            value.forEach(v -> collect(v, out, image));
            return;
        }
        if (value.isTextual()) {
            String s = value.asText().strip();
            if (!s.isEmpty()) {
                out.add(isUrl(s) || !image ? s : dataUrl(s, null));
            }
            return;
        }
        if (value.isObject()) {
            for (String key : List.of("src", "url")) {
                if (value.path(key).isTextual() && !value.get(key).asText().isBlank()) {
                    out.add(value.get(key).asText().strip());
                    return;
                }
            }
            if (image && value.path("bytes").isTextual()) {
                out.add(dataUrl(value.get("bytes").asText(), value.path("path").asText(null)));
            }
        }
    }

    private static boolean isUrl(String s) {
        return s.startsWith("data:") || s.startsWith("http://") || s.startsWith("https://");
    }

    /** {@code data:<type>;base64,<base64>}; the type from the decoded bytes, else from {@code path}. */
    static String dataUrl(String base64, String path) {
        String clean = base64.strip();
        byte[] head;
        try {
            head = Base64.getMimeDecoder().decode(clean.substring(0, Math.min(clean.length(), 24)));
        } catch (IllegalArgumentException e) {
            head = new byte[0];
        }
        return "data:" + mimeType(head, path) + ";base64," + clean;
    }

    static String mimeType(byte[] b, String path) {
        if (b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W'
                && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        String ext = path == null || path.lastIndexOf('.') < 0 ? ""
                : path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            default -> "image/png";
        };
    }
}

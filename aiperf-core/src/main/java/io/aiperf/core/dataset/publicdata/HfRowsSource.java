package io.aiperf.core.dataset.publicdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.hub.HubDownload;
import io.aiperf.core.hub.HubDownloadException;
import io.aiperf.core.hub.HubSettings;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Where a row-shaped public dataset is read from: {@code --public-dataset-path} when given; else the cached download
 * under {@code <AIPERF_CACHE_DIR>/datasets/<name>/}; else a fresh download into that cache. A plain-file dataset
 * (SpecBench) is fetched whole from its URL; a hub dataset is fetched as JSON from the datasets-server {@code /rows}
 * API, 100 rows a page (its limit), until enough rows are in hand, and cached as JSON Lines. The hub serves its own
 * files as Parquet, which is not read here (see {@link HfRowsReader}).
 */
final class HfRowsSource {

    /** The datasets-server API of the public hub; a custom {@code HF_ENDPOINT} is asked for {@code /rows} itself. */
    static final String DATASETS_SERVER = "https://datasets-server.huggingface.co";
    /** The most rows the {@code /rows} API returns per request. */
    static final int PAGE = 100;

    private static final Pattern SAFE = Pattern.compile("[^A-Za-z0-9_.-]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HfRowsSource() {
    }

    /** The first {@code /rows} page URL of {@code spec}, or its file URL. */
    static URI url(HubSettings hub, HfRowsSpec spec, int offset, int length) {
        if (!spec.onHub()) {
            return URI.create(spec.url());
        }
        String base = HubSettings.DEFAULT_ENDPOINT.equals(hub.endpoint()) ? DATASETS_SERVER : hub.endpoint();
        return URI.create(base + "/rows?dataset=" + enc(spec.repo()) + "&config=" + enc(spec.subsetOrDefault())
                + "&split=" + enc(spec.split()) + "&offset=" + offset + "&length=" + length);
    }

    /** Where the download of {@code spec} for {@code dataset} is cached ({@code rows}: how many were asked for). */
    static Path cachedFile(HubSettings hub, PublicDataset dataset, HfRowsSpec spec, int rows) {
        Path dir = hub.cacheDir().resolve("datasets").resolve(dataset.cliName());
        if (!spec.onHub()) {
            String path = URI.create(spec.url()).getPath();
            return dir.resolve(path.substring(path.lastIndexOf('/') + 1));
        }
        return dir.resolve(SAFE.matcher(spec.subsetOrDefault() + "-" + spec.split()).replaceAll("_")
                + (rows == Integer.MAX_VALUE ? "-all" : "-" + rows) + ".jsonl");
    }

    /**
     * The file to read, downloading it first when neither a local copy nor a cached one exists.
     *
     * @param rows how many rows to fetch from the hub at most ({@link Integer#MAX_VALUE}: the whole split)
     * @throws DatasetFileException   when the local copy is missing or not a readable file
     * @throws PublicDatasetException when the download fails (one line: dataset, URL, cause, how to go offline)
     */
    static Path resolve(PublicDataset dataset, HfRowsSpec spec, String localPath, HubSettings hub, int rows) {
        if (localPath != null) {
            return ShareGptSource.localFile(localPath);
        }
        Path cached = cachedFile(hub, dataset, spec, rows);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        URI first = url(hub, spec, 0, Math.min(PAGE, rows));
        try {
            if (spec.onHub()) {
                downloadRows(dataset, hub, spec, cached, rows);
            } else {
                HubDownload.download(first, cached, hub);
            }
        } catch (HubDownloadException e) {
            throw new PublicDatasetException("public dataset " + dataset.cliName() + ": " + e.getMessage()
                    + "; to run without the network, save its rows (" + HfRowsReader.FORMATS
                    + ") and pass --public-dataset-path PATH");
        }
        return cached;
    }

    /** Fetches pages of rows into {@code target} as JSON Lines, moved into place only when complete. */
    private static void downloadRows(PublicDataset dataset, HubSettings hub, HfRowsSpec spec, Path target,
                                     int rows) {
        Path dir = target.toAbsolutePath().getParent();
        Path part = null;
        try {
            Files.createDirectories(dir);
            part = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            Path page = Files.createTempFile(dir, "." + target.getFileName() + ".", ".page");
            try (BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                int offset = 0;
                while (offset < rows) {
                    int length = Math.min(PAGE, rows - offset);
                    URI url = url(hub, spec, offset, length);
                    HubDownload.download(url, page, hub);
                    JsonNode answer = JSON.readTree(page.toFile());
                    JsonNode got = answer.path("rows");
                    if (!got.isArray()) {
                        throw new PublicDatasetException("public dataset " + dataset.cliName() + ": " + url
                                + " answered without a 'rows' list; pass a local copy with --public-dataset-path PATH");
                    }
                    for (JsonNode r : got) {
                        out.write(JSON.writeValueAsString(r.has("row") ? r.get("row") : r));
                        out.newLine();
                    }
                    offset += got.size();
                    if (got.size() < length) {
                        break;
                    }
                }
            } finally {
                Files.deleteIfExists(page);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            part = null;
        } catch (IOException e) {
            throw new PublicDatasetException("public dataset " + dataset.cliName() + ": cannot fetch or cache its rows in "
                    + target + " (" + e.getMessage() + ")");
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a leftover hidden .part file is harmless
                }
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package io.aiperf.core.dataset.publicdata;

import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.hub.HubDownload;
import io.aiperf.core.hub.HubDownloadException;
import io.aiperf.core.hub.HubSettings;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the ShareGPT file is read from: the user's local copy ({@code --public-dataset-path}) when given, else the
 * cached download {@code <AIPERF_CACHE_DIR>/datasets/sharegpt/}{@value #FILE}, else a fresh download of
 * {@code <HF_ENDPOINT>/datasets/}{@value #REPO}{@code /resolve/main/}{@value #FILE} into that cache. Only the
 * download touches the network; a second run reads the cache.
 */
public final class ShareGptSource {

    public static final String REPO = "anon8231489123/ShareGPT_Vicuna_unfiltered";
    public static final String FILE = "ShareGPT_V3_unfiltered_cleaned_split.json";
    public static final String REVISION = "main";

    private ShareGptSource() {
    }

    /**
     * {@code --public-dataset-path} checked: an existing, readable regular file.
     *
     * @throws DatasetFileException naming what is wrong with it
     */
    static Path localFile(String localPath) {
        Path local = Path.of(localPath);
        if (!Files.exists(local)) {
            throw DatasetFileException.forFile(localPath, "no such file");
        }
        if (!Files.isRegularFile(local)) {
            throw DatasetFileException.forFile(localPath, "not a regular file");
        }
        if (!Files.isReadable(local)) {
            throw DatasetFileException.forFile(localPath, "not readable (permission denied)");
        }
        return local;
    }

    /** Where the download is cached. */
    public static Path cachedFile(HubSettings hub) {
        return hub.cacheDir().resolve("datasets").resolve("sharegpt").resolve(FILE);
    }

    /** The hub URL of the file. */
    public static URI url(HubSettings hub) {
        return hub.datasetFile(REPO, REVISION, FILE);
    }

    /**
     * The file to read, downloading it first when neither a local copy nor a cached one exists.
     *
     * @param localPath {@code --public-dataset-path}, or null
     * @throws DatasetFileException    when the local copy is missing or not a readable file
     * @throws PublicDatasetException  when the download fails (one line: URL, cause, how to supply a local copy)
     */
    public static Path resolve(String localPath, HubSettings hub) {
        if (localPath != null) {
            return localFile(localPath);
        }
        Path cached = cachedFile(hub);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        try {
            HubDownload.download(url(hub), cached, hub);
        } catch (HubDownloadException e) {
            throw new PublicDatasetException(e.getMessage() + "; to run without the network, get " + FILE
                    + " another way and pass --public-dataset-path PATH (or put it at " + cached + ")");
        }
        return cached;
    }
}

package io.aiperf.core.tokenizer;

import io.aiperf.core.hub.HubDownload;
import io.aiperf.core.hub.HubDownloadException;
import io.aiperf.core.hub.HubSettings;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The {@code tokenizer.json} of a hub repository at a revision, as a local file. Looked for, in order:
 * <ol>
 *   <li>aiperf's cache: {@code <AIPERF_CACHE_DIR>/tokenizers/<org>--<name>/<revision>/tokenizer.json} (the revision
 *       URL-escaped, so {@code refs/pr/1} is one folder);</li>
 *   <li>an existing Hugging Face hub cache (read only):
 *       {@code <HF_HUB_CACHE>/models--<org>--<name>/snapshots/<commit>/tokenizer.json}, the commit being the revision
 *       itself when it is a 40-digit hash, else the one recorded in {@code refs/<revision>};</li>
 *   <li>a download of {@code <HF_ENDPOINT>/<repo>/resolve/<revision>/tokenizer.json} into aiperf's cache, bounded by
 *       a timeout.</li>
 * </ol>
 * A cached branch revision such as {@code main} is not refreshed when the repository changes; pin a commit for
 * reproducible counts, or delete the cache folder.
 */
final class HubTokenizerFile {

    static final String FILE = "tokenizer.json";
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private HubTokenizerFile() {
    }

    /** aiperf's cache location for {@code repo} at {@code revision}. */
    static Path cached(HubSettings hub, String repo, String revision) {
        return hub.cacheDir().resolve("tokenizers").resolve(repo.replace("/", "--"))
                .resolve(URLEncoder.encode(revision, StandardCharsets.UTF_8)).resolve(FILE);
    }

    /** The file in an existing Hugging Face hub cache, or null. */
    static Path inHfCache(HubSettings hub, String repo, String revision) {
        if (hub.hfHubCache() == null) {
            return null;
        }
        Path repoDir = hub.hfHubCache().resolve("models--" + repo.replace("/", "--"));
        String commit = revision;
        if (!COMMIT.matcher(revision).matches()) {
            Path ref = repoDir.resolve("refs").resolve(revision);
            try {
                if (!ref.normalize().startsWith(repoDir.resolve("refs").normalize()) || !Files.isRegularFile(ref)) {
                    return null;
                }
                commit = Files.readString(ref, StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                return null;
            }
            if (!COMMIT.matcher(commit).matches()) {
                return null;
            }
        }
        Path file = repoDir.resolve("snapshots").resolve(commit).resolve(FILE);
        return Files.isRegularFile(file) ? file : null;
    }

    /**
     * The local file, downloading it when no cache has it.
     *
     * @throws HubDownloadException when the download fails or takes longer than {@code timeout}
     */
    static Path locate(HubSettings hub, String repo, String revision, Duration timeout) {
        Path ours = cached(hub, repo, revision);
        if (Files.isRegularFile(ours)) {
            return ours;
        }
        Path theirs = inHfCache(hub, repo, revision);
        if (theirs != null) {
            return theirs;
        }
        FutureTask<Long> task = new FutureTask<>(() -> HubDownload.download(hub.modelFile(repo, revision, FILE), ours,
                hub));
        Thread thread = new Thread(task, "aiperf-tokenizer-download");
        thread.setDaemon(true);
        thread.start();
        try {
            task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return ours;
        } catch (TimeoutException e) {
            task.cancel(true); // the interrupt aborts the transfer and removes its partial file
            throw new TimedOut(hub.modelFile(repo, revision, FILE).toString(), timeout);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new TimedOut(hub.modelFile(repo, revision, FILE).toString(), Duration.ZERO);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HubDownloadException hde) {
                throw hde;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The whole download took longer than allowed. */
    static final class TimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimedOut(String url, Duration timeout) {
            super("cannot download " + url + ": " + (timeout.isZero() ? "interrupted"
                    : "not complete within " + Math.max(1, timeout.toSeconds()) + " s"));
        }
    }
}

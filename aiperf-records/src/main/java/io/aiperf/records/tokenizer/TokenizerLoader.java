package io.aiperf.records.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.aiperf.core.tokenizer.TextTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves {@code --tokenizer} (or, when it is absent, the model name) to a {@link TextTokenizer}, the way AIPerf
 * does, with offline-friendly failures.
 *
 * <p>Resolution order for the name {@code X} (the explicit {@code --tokenizer} value, else the first model name):
 * <ol>
 *   <li>{@code builtin} (any case): tiktoken {@code o200k_base} via JTokkit, offline.</li>
 *   <li>an existing file: loaded as a Hugging Face {@code tokenizer.json}.</li>
 *   <li>an existing folder: its {@code tokenizer.json}.</li>
 *   <li>something that looks like a path ({@code .}, {@code /} or {@code ~} first, or a {@code .json} name) but does
 *       not exist: {@code tokenizer path does not exist: X}.</li>
 *   <li>anything else is a Hugging Face hub id ({@code Qwen/Qwen3-0.6B}): DJL downloads and caches its
 *       {@code tokenizer.json} (native code; no Java proxy settings apply). The attempt is bounded by a timeout.</li>
 * </ol>
 * When {@code X} came from {@code --tokenizer} every failure throws {@link TokenizerLoadException}. When it came
 * from the model name (AIPerf's default) a failure falls back to the builtin tokenizer and returns a warning,
 * because token counts are then approximate and the user must be told.
 *
 * <p>Every Hugging Face tokenizer is built with truncation, padding and special tokens off: DJL otherwise cuts
 * every encode at the model's max length (512 by default), which silently caps ISL/OSL.
 *
 * <p>DJL's EC2 "call home" probe is opted out ({@code OPT_OUT_TRACKING=true}) unless the user set it; DJL's own
 * logging ({@code ai.djl}) is the logging backend's business and should be set to ERROR by the application.
 *
 * <p>A hub {@code revision} other than {@code main} cannot be honoured by DJL (its hub loader always reads
 * {@code main}); the tokenizer is loaded anyway and the returned warning says so.
 */
public final class TokenizerLoader {

    /** The value of {@code --tokenizer} that selects the offline tiktoken tokenizer. */
    public static final String BUILTIN = "builtin";

    /** How long a hub download may take before it counts as failed (DJL fails in ~0.4 s when offline). */
    public static final Duration DEFAULT_HUB_TIMEOUT = Duration.ofSeconds(8);

    private static final String TOKENIZER_FILE = "tokenizer.json";

    /** DJL options: count tokens exactly as the server sees the text, never cut or padded. */
    private static final Map<String, String> DJL_OPTIONS = Map.of(
            "truncation", "false",
            "padding", "false",
            "addSpecialTokens", "false");

    private TokenizerLoader() {
    }

    /** {@link #load(String, String, String, Duration)} with {@link #DEFAULT_HUB_TIMEOUT}. */
    public static LoadedTokenizer load(String nameOrPath, String revision, String modelName) {
        return load(nameOrPath, revision, modelName, DEFAULT_HUB_TIMEOUT);
    }

    /**
     * @param nameOrPath {@code --tokenizer} as given, or null when the user did not pass it
     * @param revision   {@code --tokenizer-revision}, or null for {@code main}
     * @param modelName  the first model name; used when {@code nameOrPath} is null
     * @param hubTimeout the longest a Hugging Face hub download may take
     * @throws TokenizerLoadException when an explicitly named tokenizer cannot be loaded
     */
    public static LoadedTokenizer load(String nameOrPath, String revision, String modelName, Duration hubTimeout) {
        boolean explicit = nameOrPath != null && !nameOrPath.isBlank();
        String target = explicit ? nameOrPath.strip() : modelName == null ? null : modelName.strip();
        if (target == null || target.isEmpty()) {
            return new LoadedTokenizer(TiktokenTextTokenizer.o200kBase(),
                    "no tokenizer or model name given; using builtin tiktoken o200k_base — token counts are approximate");
        }
        if (target.equalsIgnoreCase(BUILTIN)) {
            return new LoadedTokenizer(TiktokenTextTokenizer.o200kBase(), null);
        }
        Path local = toPath(target);
        if (local != null && Files.exists(local)) {
            try {
                return new LoadedTokenizer(loadLocal(local, target), null);
            } catch (TokenizerLoadException e) {
                if (explicit) {
                    throw e;
                }
                return fallback(target, e.getMessage());
            }
        }
        if (looksLikePath(target)) {
            if (explicit) {
                throw new TokenizerLoadException("tokenizer path does not exist: " + target);
            }
            return fallback(target, "no such file or folder");
        }
        HubOutcome outcome = loadFromHub(target, hubTimeout);
        if (outcome.tokenizer != null) {
            String warning = null;
            if (revision != null && !revision.isBlank() && !revision.strip().equals("main")) {
                warning = "tokenizer revision '" + revision.strip() + "' cannot be pinned for hub downloads; loaded '"
                        + target + "' at its default revision (main) — pass a local tokenizer.json to pin a revision";
            }
            return new LoadedTokenizer(outcome.tokenizer, warning);
        }
        if (explicit) {
            throw new TokenizerLoadException("cannot load tokenizer '" + target
                    + "': not a local tokenizer.json or folder, and " + outcome.problem
                    + "; pass a local path with --tokenizer PATH");
        }
        return fallback(target, outcome.problem);
    }

    /** Loads a local {@code tokenizer.json}, or the one inside a folder. */
    static TextTokenizer loadLocal(Path path, String shownAs) {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = path.resolve(TOKENIZER_FILE);
            if (!Files.isRegularFile(file)) {
                throw new TokenizerLoadException("tokenizer folder has no " + TOKENIZER_FILE + ": " + shownAs);
            }
        }
        optOutOfDjlTracking();
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file.toAbsolutePath())
                    .optTruncation(false)
                    .optPadding(false)
                    .optAddSpecialTokens(false)
                    .build();
            return new HuggingFaceTextTokenizer(tokenizer, file.toAbsolutePath().normalize().toString());
        } catch (IOException | RuntimeException e) {
            throw new TokenizerLoadException("cannot load tokenizer file " + file + ": " + oneLine(e));
        }
    }

    private static LoadedTokenizer fallback(String modelName, String problem) {
        return new LoadedTokenizer(TiktokenTextTokenizer.o200kBase(), "tokenizer for model '" + modelName
                + "' could not be loaded (" + problem + "); using builtin tiktoken o200k_base"
                + " — token counts are approximate; pass --tokenizer PATH for exact counts");
    }

    private record HubOutcome(TextTokenizer tokenizer, String problem) {
    }

    private static HubOutcome loadFromHub(String id, Duration timeout) {
        optOutOfDjlTracking();
        FutureTask<HuggingFaceTokenizer> task = new FutureTask<>(() -> HuggingFaceTokenizer.newInstance(id, DJL_OPTIONS));
        // Native code cannot be interrupted: on timeout the daemon thread is abandoned and dies with the download.
        Thread thread = new Thread(task, "aiperf-tokenizer-hub");
        thread.setDaemon(true);
        thread.start();
        try {
            HuggingFaceTokenizer tokenizer = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new HubOutcome(new HuggingFaceTextTokenizer(tokenizer, id), null);
        } catch (TimeoutException e) {
            task.cancel(true);
            return new HubOutcome(null, "the Hugging Face hub did not answer within "
                    + Math.max(1, timeout.toSeconds()) + " s (offline?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HubOutcome(null, "loading was interrupted");
        } catch (ExecutionException e) {
            return new HubOutcome(null, describeHubFailure(e.getCause() == null ? e : e.getCause()));
        }
    }

    /** Turns DJL's native error text into a short reason a user can act on. */
    static String describeHubFailure(Throwable failure) {
        String text = oneLine(failure);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("401") || lower.contains("403") || lower.contains("unauthorized")
                || lower.contains("forbidden")) {
            return "the Hugging Face hub refused access (gated model? set HF_TOKEN)";
        }
        if (lower.contains("404") || lower.contains("not found")) {
            return "it was not found on the Hugging Face hub";
        }
        if (lower.contains("dns") || lower.contains("connect") || lower.contains("resolve")
                || lower.contains("timed out") || lower.contains("timeout") || lower.contains("network")
                || lower.contains("unreachable") || lower.contains("request error")) {
            return "the Hugging Face hub is unreachable (offline?)";
        }
        return "the Hugging Face hub download failed (" + text + ")";
    }

    /** Something the user clearly meant as a file system path rather than a hub id. */
    static boolean looksLikePath(String name) {
        return name.startsWith(".") || name.startsWith("/") || name.startsWith("~") || name.startsWith("\\")
                || name.endsWith(".json") || (name.length() > 1 && name.charAt(1) == ':');
    }

    private static Path toPath(String name) {
        String expanded = name;
        if (name.equals("~") || name.startsWith("~/")) {
            expanded = System.getProperty("user.home") + name.substring(1);
        }
        try {
            return Path.of(expanded);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** DJL probes the EC2 metadata service on first use unless told not to; a benchmark must not do that. */
    private static void optOutOfDjlTracking() {
        if (System.getenv("OPT_OUT_TRACKING") == null && System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}

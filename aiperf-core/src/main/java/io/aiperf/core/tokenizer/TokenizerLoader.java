package io.aiperf.core.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.hub.HubDownloadException;
import io.aiperf.core.hub.HubSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

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
 *   <li>anything else is a Hugging Face hub id ({@code Qwen/Qwen3-0.6B}): its {@code tokenizer.json} at
 *       {@code --tokenizer-revision} (default {@code main}) is taken from a cache or downloaded from
 *       {@code HF_ENDPOINT} ({@link HubTokenizerFile}, {@link HubSettings}), within a timeout, then loaded like a
 *       local file.</li>
 * </ol>
 * When {@code X} came from {@code --tokenizer} every failure throws {@link TokenizerLoadException}. When it came
 * from the model name (AIPerf's default) a failure falls back to the builtin tokenizer and returns a warning,
 * because token counts are then approximate and the user must be told.
 *
 * <p>Every Hugging Face tokenizer is built with truncation, padding and special tokens off: DJL otherwise cuts
 * every encode at the model's max length (512 by default), which silently caps ISL/OSL.
 *
 * <p>DJL's EC2 "call home" probe is opted out ({@code OPT_OUT_TRACKING=true}) unless the user set it; DJL's own
 * logging ({@code ai.djl}) is the logging backend's business and should be set to ERROR by the application. DJL's
 * own hub download is never used (it cannot pin a revision and ignores Java's HTTP settings).
 */
public final class TokenizerLoader {

    /** The value of {@code --tokenizer} that selects the offline tiktoken tokenizer. */
    public static final String BUILTIN = "builtin";

    /** The revision used when none is given. */
    public static final String DEFAULT_REVISION = "main";

    /** How long fetching a hub tokenizer may take in all (connecting fails within the connect timeout). */
    public static final Duration DEFAULT_HUB_TIMEOUT = Duration.ofSeconds(60);

    private static final String TOKENIZER_FILE = "tokenizer.json";

    /** Hub repository ids: {@code name} or {@code org/name}, letters, digits, {@code . _ -}, no {@code ..}. */
    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");

    private TokenizerLoader() {
    }

    /** {@link #load(String, String, String, HubSettings, Duration)} with the environment's hub settings. */
    public static LoadedTokenizer load(String nameOrPath, String revision, String modelName) {
        return load(nameOrPath, revision, modelName, HubSettings.fromEnvironment(), DEFAULT_HUB_TIMEOUT);
    }

    /**
     * @param nameOrPath {@code --tokenizer} as given, or null when the user did not pass it
     * @param revision   {@code --tokenizer-revision}, or null for {@code main}
     * @param modelName  the first model name; used when {@code nameOrPath} is null
     * @param hub        where hub files come from and are cached
     * @param hubTimeout the longest fetching a hub tokenizer may take
     * @throws TokenizerLoadException when an explicitly named tokenizer cannot be loaded
     */
    public static LoadedTokenizer load(String nameOrPath, String revision, String modelName, HubSettings hub,
                                       Duration hubTimeout) {
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
        String rev = revision == null || revision.isBlank() ? DEFAULT_REVISION : revision.strip();
        String problem;
        if (!REPO_ID.matcher(target).matches() || target.contains("..")) {
            problem = "it is not a Hugging Face repository id (org/name)";
        } else {
            try {
                Path file = HubTokenizerFile.locate(hub, target, rev, hubTimeout);
                String name = rev.equals(DEFAULT_REVISION) ? target : target + "@" + rev;
                try {
                    return new LoadedTokenizer(loadFile(file, name), null);
                } catch (TokenizerLoadException e) {
                    // A bad file in our own cache (say, an error page served as 200) must not stick: fetch it anew
                    // next time.
                    if (file.equals(HubTokenizerFile.cached(hub, target, rev))) {
                        Files.deleteIfExists(file);
                    }
                    throw e;
                }
            } catch (IOException e) {
                problem = "cannot remove the unusable cached file: " + e.getMessage();
            } catch (HubDownloadException | HubTokenizerFile.TimedOut | TokenizerLoadException e) {
                problem = e.getMessage();
            }
        }
        if (explicit) {
            throw new TokenizerLoadException("cannot load tokenizer '" + target
                    + "': not a local tokenizer.json or folder, and " + problem
                    + "; pass a local path with --tokenizer PATH");
        }
        return fallback(target, problem);
    }

    /**
     * Loads a tokenizer another process already resolved ({@link LoadedTokenizer#source()}): a local file or
     * builtin, never the hub.
     *
     * @throws TokenizerLoadException when the file cannot be loaded
     */
    public static TextTokenizer load(TokenizerSource source) {
        if (source.isBuiltin()) {
            return TiktokenTextTokenizer.o200kBase();
        }
        return loadFile(Path.of(source.file()), source.name());
    }

    /** Loads a local {@code tokenizer.json}, or the one inside a folder. */
    public static TextTokenizer loadLocal(Path path, String shownAs) {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = path.resolve(TOKENIZER_FILE);
            if (!Files.isRegularFile(file)) {
                throw new TokenizerLoadException("tokenizer folder has no " + TOKENIZER_FILE + ": " + shownAs);
            }
        }
        return loadFile(file, file.toAbsolutePath().normalize().toString());
    }

    /** Loads a {@code tokenizer.json} with truncation, padding and special tokens off; {@code name} names it. */
    private static TextTokenizer loadFile(Path file, String name) {
        optOutOfDjlTracking();
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file.toAbsolutePath())
                    .optTruncation(false)
                    .optPadding(false)
                    .optAddSpecialTokens(false)
                    .build();
            return new HuggingFaceTextTokenizer(tokenizer, name, file.toAbsolutePath().normalize());
        } catch (IOException | RuntimeException e) {
            throw new TokenizerLoadException("cannot load tokenizer file " + file + ": " + OneLine.of(e));
        }
    }

    private static LoadedTokenizer fallback(String modelName, String problem) {
        return new LoadedTokenizer(TiktokenTextTokenizer.o200kBase(), "tokenizer for model '" + modelName
                + "' could not be loaded (" + problem + "); using builtin tiktoken o200k_base"
                + " — token counts are approximate; pass --tokenizer PATH for exact counts");
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
}

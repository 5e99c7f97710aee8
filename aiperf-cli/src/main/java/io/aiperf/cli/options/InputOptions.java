package io.aiperf.cli.options;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** AIPerf's "Input", "Prompt", "ISL", "OSL", "Prefix Prompt", "Rankings" and "Conversation Input" option groups. */
public final class InputOptions {

    @Option(names = "--extra-inputs", arity = "1..*",
            parameterConsumer = ValuesUntilNextOption.class, paramLabel = "KEY:VALUE",
            description = "Extra field(s) merged into every request body: key:value (value typed) or a JSON object.")
    public List<String> extraInputs = new ArrayList<>();

    @Option(names = {"-H", "--header"}, arity = "1..*",
            parameterConsumer = ValuesUntilNextOption.class, paramLabel = "NAME:VALUE",
            description = "Extra HTTP header(s): Name:Value or a JSON object.")
    public List<String> headers = new ArrayList<>();

    @Option(names = {"--synthetic-input-tokens-mean", "--prompt-input-tokens-mean", "--isl"}, paramLabel = "N",
            description = "Mean prompt length in tokens (default: 550).")
    public Integer islMean;

    /** Null when not given (the rankings checks need to know; 0 is the default). */
    @Option(names = {"--synthetic-input-tokens-stddev", "--prompt-input-tokens-stddev", "--isl-stddev"},
            paramLabel = "N", description = "Prompt length standard deviation (default: 0).")
    public Double islStddev;

    @Option(names = {"-b", "--prompt-batch-size", "--batch-size-text", "--batch-size"}, paramLabel = "N",
            description = "Texts per request, e.g. inputs of one embeddings request (default: 1).")
    public Integer batchSize;

    @Option(names = {"--output-tokens-mean", "--prompt-output-tokens-mean", "--osl"}, paramLabel = "N",
            description = "Mean requested output length; sent as the max-tokens field (default: not sent).")
    public Integer oslMean;

    @Option(names = {"--output-tokens-stddev", "--prompt-output-tokens-stddev", "--osl-stddev"}, paramLabel = "N",
            defaultValue = "0", description = "Requested output length standard deviation (default: 0).")
    public double oslStddev;

    @Option(names = "--random-seed", paramLabel = "SEED", description = "Seed for reproducible payloads.")
    public Long randomSeed;

    /** Each value is one or more space-separated tag:value: {@code --goodput a:1 b:2} and {@code "a:1 b:2"} agree. */
    @Option(names = "--goodput", arity = "1..*",
            parameterConsumer = ValuesUntilNextOption.class, paramLabel = "TAG:VALUE",
            description = "Service-level objectives, tag:value in display units (ms for latencies), "
                    + "e.g. request_latency:250 inter_token_latency:10 (or one quoted string); vLLM's ttft, tpot and e2el are accepted. "
                    + "A request is good when it meets all of them; exports goodput and good_request_count.")
    public List<String> goodput = new ArrayList<>();

    @Option(names = {"--num-dataset-entries", "--num-prompts"}, paramLabel = "N",
            description = "Distinct synthetic prompts to generate (default: 100); with --public-dataset, the most "
                    + "conversations to keep (default: all that pass its filters).")
    public Integer numDatasetEntries;

    @Option(names = "--tokenizer", paramLabel = "NAME_OR_PATH",
            description = "tokenizer.json, a folder holding one, a Hugging Face id, or 'builtin' (default: the model).")
    public String tokenizer;

    @Option(names = "--tokenizer-revision", paramLabel = "REV", defaultValue = "main",
            description = "Hugging Face revision of the tokenizer (default: ${DEFAULT-VALUE}).")
    public String tokenizerRevision;

    @Option(names = "--tokenizer-trust-remote-code",
            description = "Accepted for AIPerf scripts and recorded in input_config; changes nothing: our tokenizers "
                    + "(a tokenizer.json read by DJL, or the builtin tiktoken o200k_base) never run code from a "
                    + "tokenizer repository.")
    public boolean tokenizerTrustRemoteCode;

    @Option(names = {"--prompt-input-tokens-block-size", "--synthetic-input-tokens-block-size", "--isl-block-size"},
            paramLabel = "N", description = "Tokens per hash_ids block of a trace's prompts (default: the format's: "
                    + "mooncake_trace 512, bailian_trace 16).")
    public Integer blockSize;

    @Option(names = {"--seq-dist", "--sequence-distribution"}, paramLabel = "SPEC",
            description = "Synthetic (ISL, OSL) pairs with percentages summing to 100, e.g. '256,128:40;1024,512:60', "
                    + "optionally with standard deviations '256|20,128|10:40;...', or as '[(256,128):40,(1024,512):60]' or "
                    + "JSON '{\"pairs\": [{\"isl\": 256, \"osl\": 128, \"prob\": 40}, ...]}'."
                    + " Each turn draws a pair; max tokens is then always sent.")
    public String seqDist;

    // --- prefix prompts (AIPerf's "Prefix Prompt" group) ------------------------------------------------------

    @Option(names = {"--prompt-prefix-pool-size", "--prefix-prompt-pool-size", "--num-prefix-prompts"},
            paramLabel = "N", defaultValue = "0",
            description = "Distinct prefix prompts; each synthetic conversation's first turn starts with one of them "
                    + "(default: ${DEFAULT-VALUE}, off).")
    public int prefixPoolSize;

    @Option(names = {"--prompt-prefix-length", "--prefix-prompt-length"}, paramLabel = "N", defaultValue = "0",
            description = "Tokens per prefix prompt (default: ${DEFAULT-VALUE}).")
    public int prefixLength;

    @Option(names = "--shared-system-prompt-length", paramLabel = "N",
            description = "Tokens of one synthetic system prompt that every conversation starts with (chat: a system "
                    + "message, responses: instructions).")
    public Integer sharedSystemPromptLength;

    @Option(names = "--user-context-prompt-length", paramLabel = "N",
            description = "Tokens of a synthetic user message of its own that each conversation starts with; needs "
                    + "--num-dataset-entries.")
    public Integer userContextPromptLength;

    // --- synthetic rankings (AIPerf's "Rankings" group; rankings endpoints only) ------------------------------

    @Option(names = "--rankings-passages-mean", paramLabel = "N",
            description = "Passages per synthetic rankings request (default: 1).")
    public Integer rankingsPassagesMean;

    @Option(names = "--rankings-passages-stddev", paramLabel = "N",
            description = "Standard deviation of the passages per request (default: 0).")
    public Integer rankingsPassagesStddev;

    @Option(names = "--rankings-passages-prompt-token-mean", paramLabel = "N",
            description = "Tokens per synthetic passage (default: 550).")
    public Integer rankingsPassagesPromptTokenMean;

    @Option(names = "--rankings-passages-prompt-token-stddev", paramLabel = "N",
            description = "Standard deviation of the tokens per passage (default: 0).")
    public Integer rankingsPassagesPromptTokenStddev;

    @Option(names = "--rankings-query-prompt-token-mean", paramLabel = "N",
            description = "Tokens per synthetic query (default: 550).")
    public Integer rankingsQueryPromptTokenMean;

    @Option(names = "--rankings-query-prompt-token-stddev", paramLabel = "N",
            description = "Standard deviation of the tokens per query (default: 0).")
    public Integer rankingsQueryPromptTokenStddev;

    // --- custom input files and fixed schedules ---------------------------------------------------------------

    @Option(names = "--input-file", paramLabel = "PATH",
            description = "Dataset file (JSONL, or CSV for burst_gpt_trace) or directory (random_pool) to send "
                    + "instead of synthetic prompts.")
    public String inputFile;

    @Option(names = "--custom-dataset-type", paramLabel = "TYPE",
            description = "Format of --input-file: single_turn, multi_turn, random_pool, mooncake_trace, "
                    + "bailian_trace or burst_gpt_trace (default: detected from the file).")
    public String customDatasetType;

    @Option(names = "--public-dataset", paramLabel = "NAME",
            description = "Public dataset to send instead of synthetic prompts: sharegpt, aimo, mmstar, mmvu, "
                    + "vision_arena, llava_onevision, speed_bench_*, spec_bench, instruct_coder, blazedit_5k/_10k ... "
                    + "(see aiperf plugins; downloaded once, then read from the cache; see --public-dataset-path).")
    public String publicDataset;

    @Option(names = "--hf-subset", paramLabel = "NAME",
            description = "Hugging Face subset (config) to read for a hub-backed --public-dataset instead of its own.")
    public String hfSubset;

    @Option(names = "--public-dataset-path", paramLabel = "PATH",
            description = "A local copy of the --public-dataset file (for sharegpt: "
                    + "ShareGPT_V3_unfiltered_cleaned_split.json; for the others: their rows as JSON Lines, a JSON "
                    + "array or a datasets-server /rows answer), read instead of the cache or the network.")
    public String publicDatasetPath;

    @Option(names = "--dataset-sampling-strategy", paramLabel = "STRATEGY",
            description = "Order in which conversations are drawn: sequential, random (with replacement) or "
                    + "shuffle (default: sequential for files and public datasets, shuffle for synthetic and "
                    + "random_pool).")
    public String datasetSamplingStrategy;

    @Option(names = "--fixed-schedule",
            description = "Send each entry of --input-file at its 'timestamp' (ms). Turned on by itself for a trace "
                    + "whose first entry has a timestamp.")
    public boolean fixedSchedule;

    @Option(names = "--fixed-schedule-auto-offset",
            description = "Shift the schedule so that the first timestamp is sent at once.")
    public boolean fixedScheduleAutoOffset;

    @Option(names = "--fixed-schedule-start-offset", paramLabel = "MS",
            description = "Skip entries before this timestamp (ms); it becomes time zero.")
    public Long fixedScheduleStartOffset;

    @Option(names = "--fixed-schedule-end-offset", paramLabel = "MS",
            description = "Skip entries after this timestamp (ms).")
    public Long fixedScheduleEndOffset;

    // --- conversations (AIPerf's "Conversation Input" group) --------------------------------------------------

    @Option(names = {"--conversation-num", "--num-conversations", "--num-sessions"}, paramLabel = "N",
            description = "Sessions (conversations) to start; a stop condition instead of --request-count.")
    public Long numSessions;

    @Option(names = {"--conversation-turn-mean", "--session-turns-mean"}, paramLabel = "N", defaultValue = "1",
            description = "Turns per synthetic conversation (default: ${DEFAULT-VALUE}).")
    public int turnMean;

    @Option(names = {"--conversation-turn-stddev", "--session-turns-stddev"}, paramLabel = "N", defaultValue = "0",
            description = "Standard deviation of the turns per conversation (default: ${DEFAULT-VALUE}).")
    public int turnStddev;

    @Option(names = {"--conversation-turn-delay-mean", "--session-turn-delay-mean"}, paramLabel = "MS",
            defaultValue = "0", converter = PythonFloat.class,
            description = "Think time before each turn after the first, in ms (default: ${DEFAULT-VALUE}).")
    public double turnDelayMeanMs;

    @Option(names = {"--conversation-turn-delay-stddev", "--session-turn-delay-stddev"}, paramLabel = "MS",
            defaultValue = "0", converter = PythonFloat.class,
            description = "Standard deviation of the think time, in ms (default: ${DEFAULT-VALUE}).")
    public double turnDelayStddevMs;

    @Option(names = {"--conversation-turn-delay-ratio", "--session-delay-ratio"}, paramLabel = "X",
            defaultValue = "1.0", converter = PythonFloat.class,
            description = "Multiplier applied to every sampled think time (default: ${DEFAULT-VALUE}).")
    public double turnDelayRatio;

    // --- synthetic images and audio (AIPerf's "Audio / Image / Video Input" group) ---------------------------

    @Mixin
    public MediaOptions media = new MediaOptions();

    // --- trace synthesis (AIPerf's "Synthesis" group) ---------------------------------------------------------

    @Mixin
    public SynthesisOptions synthesis = new SynthesisOptions();
}

package io.aiperf.cli.options;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** AIPerf's "Input", "ISL" and "OSL" option groups. */
public final class InputOptions {

    @Option(names = "--extra-inputs", paramLabel = "KEY:VALUE",
            description = "Extra field(s) merged into every request body: key:value (value typed) or a JSON object.")
    public List<String> extraInputs = new ArrayList<>();

    @Option(names = {"-H", "--header"}, paramLabel = "NAME:VALUE",
            description = "Extra HTTP header(s): Name:Value or a JSON object.")
    public List<String> headers = new ArrayList<>();

    @Option(names = {"--synthetic-input-tokens-mean", "--prompt-input-tokens-mean", "--isl"}, paramLabel = "N",
            description = "Mean prompt length in tokens (default: 550).")
    public Integer islMean;

    @Option(names = {"--synthetic-input-tokens-stddev", "--prompt-input-tokens-stddev", "--isl-stddev"},
            paramLabel = "N", defaultValue = "0", description = "Prompt length standard deviation (default: 0).")
    public double islStddev;

    @Option(names = {"--output-tokens-mean", "--prompt-output-tokens-mean", "--osl"}, paramLabel = "N",
            description = "Mean requested output length; sent as the max-tokens field (default: not sent).")
    public Integer oslMean;

    @Option(names = {"--output-tokens-stddev", "--prompt-output-tokens-stddev", "--osl-stddev"}, paramLabel = "N",
            defaultValue = "0", description = "Requested output length standard deviation (default: 0).")
    public double oslStddev;

    @Option(names = "--random-seed", paramLabel = "SEED", description = "Seed for reproducible payloads.")
    public Long randomSeed;

    @Option(names = {"--num-dataset-entries", "--num-prompts"}, paramLabel = "N",
            description = "Distinct synthetic prompts to generate (default: 100).")
    public Integer numDatasetEntries;

    @Option(names = "--tokenizer", paramLabel = "NAME_OR_PATH",
            description = "tokenizer.json, a folder holding one, a Hugging Face id, or 'builtin' (default: the model).")
    public String tokenizer;

    @Option(names = "--tokenizer-revision", paramLabel = "REV", defaultValue = "main",
            description = "Hugging Face revision of the tokenizer (default: ${DEFAULT-VALUE}).")
    public String tokenizerRevision;
}

package io.aiperf.cli.controller;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.dataset.Conversation;
import io.aiperf.core.dataset.DatasetSampler;
import io.aiperf.core.dataset.InputsJsonWriter;
import io.aiperf.core.dataset.SamplingStrategy;
import io.aiperf.core.dataset.SyntheticDataset;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.tokenizer.TextTokenizer;
import io.aiperf.records.tokenizer.LoadedTokenizer;
import io.aiperf.records.tokenizer.TokenizerLoader;
import io.aiperf.worker.endpoint.PayloadFormatter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The run's inputs, prepared once before load starts (AIPerf's DatasetManager): the tokenizer, the synthetic
 * conversations, every request body rendered exactly once (the same string is sent and written to
 * {@code inputs.json}), and the sampler that picks the next conversation. Tokenizing never happens on a worker.
 */
final class RunDataset {

    private final TextTokenizer tokenizer;
    private final SyntheticDataset dataset;
    private final Map<String, String> payloads;
    private final DatasetSampler sampler;
    private final List<String> warnings;

    private RunDataset(TextTokenizer tokenizer, SyntheticDataset dataset, Map<String, String> payloads,
                       DatasetSampler sampler, List<String> warnings) {
        this.tokenizer = tokenizer;
        this.dataset = dataset;
        this.payloads = payloads;
        this.sampler = sampler;
        this.warnings = warnings;
    }

    static RunDataset prepare(BenchmarkConfig config, Consumer<String> log) {
        List<String> warnings = new ArrayList<>();
        LoadedTokenizer loaded = TokenizerLoader.load(config.tokenizer().name(), config.tokenizer().revision(),
                config.endpoint().primaryModel());
        if (loaded.hasWarning()) {
            warnings.add(loaded.warning());
            log.accept(loaded.warning());
        }
        SyntheticDataset dataset = SyntheticDataset.build(config.input(), loaded.tokenizer());
        Map<String, String> payloads = new HashMap<>();
        for (Conversation c : dataset.conversations()) {
            payloads.put(c.conversationId(), PayloadFormatter.format(config.endpoint(), c.firstTurn().text(),
                    c.firstTurn().maxTokens(), config.endpoint().primaryModel()));
        }
        try {
            InputsJsonWriter.write(Path.of(config.output().artifactDir(), "inputs.json"), dataset.conversations(),
                    (conversation, turn) -> payloads.get(conversation.conversationId()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write inputs.json: " + e.getMessage(), e);
        }
        DatasetSampler sampler = DatasetSampler.create(SamplingStrategy.SHUFFLE, dataset.conversations(),
                dataset.streams());
        return new RunDataset(loaded.tokenizer(), dataset, payloads, sampler, warnings);
    }

    /** Controller thread: the next request to send. */
    CreditIssuer.NextRequest next(CreditPhase phase) {
        Conversation c = sampler.next();
        return new CreditIssuer.NextRequest(c.conversationId(), payloads.get(c.conversationId()));
    }

    /** Input sequence length of a conversation's first turn, as counted when the prompt was made. */
    long inputTokens(String conversationId) {
        return dataset.get(conversationId).firstTurn().inputTokens();
    }

    TextTokenizer tokenizer() {
        return tokenizer;
    }

    List<String> warnings() {
        return warnings;
    }
}

package io.aiperf.cli.controller;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.dataset.Conversation;
import io.aiperf.core.dataset.DatasetSampler;
import io.aiperf.core.dataset.InputsJsonWriter;
import io.aiperf.core.dataset.SamplingStrategy;
import io.aiperf.core.dataset.SyntheticDataset;
import io.aiperf.core.dataset.Turn;
import io.aiperf.core.config.EndpointType;
import io.aiperf.cli.controller.load.SessionPlan;
import io.aiperf.cli.controller.load.SessionSource;
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
    private final boolean workerRendersHistory;

    private RunDataset(TextTokenizer tokenizer, SyntheticDataset dataset, Map<String, String> payloads,
                       DatasetSampler sampler, List<String> warnings, boolean workerRendersHistory) {
        this.workerRendersHistory = workerRendersHistory;
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
            for (int i = 0; i < c.turns().size(); i++) {
                Turn t = c.turns().get(i);
                payloads.put(key(c.conversationId(), i), PayloadFormatter.format(config.endpoint(), t.text(),
                        t.maxTokens(), config.endpoint().primaryModel()));
            }
        }
        try {
            InputsJsonWriter.write(Path.of(config.output().artifactDir(), "inputs.json"), dataset.conversations(),
                    (conversation, turn) -> payloads.get(key(conversation.conversationId(), turn)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write inputs.json: " + e.getMessage(), e);
        }
        DatasetSampler sampler = DatasetSampler.create(SamplingStrategy.SHUFFLE, dataset.conversations(),
                dataset.streams());
        boolean workerRendersHistory = config.endpoint().type() == EndpointType.CHAT;
        return new RunDataset(loaded.tokenizer(), dataset, payloads, sampler, warnings, workerRendersHistory);
    }

    /** Sessions drawn from the dataset with its sampling strategy (never exhausted). */
    SessionSource sampledSessions() {
        return () -> plan(sampler.next());
    }

    /** Sessions in trace order with their start offsets, for a fixed schedule. */
    SessionSource scheduledSessions() {
        throw new UnsupportedOperationException("fixed-schedule traces arrive with the trace loaders");
    }

    /** Seed of a phase's own random streams (arrival gaps, cancellation draws). */
    long phaseSeed(CreditPhase phase) {
        return dataset.streams().seedOf("timing." + phase.exportName());
    }

    private SessionPlan plan(Conversation c) {
        List<SessionPlan.TurnPlan> turns = new ArrayList<>(c.turns().size());
        boolean single = c.turns().size() == 1;
        for (int i = 0; i < c.turns().size(); i++) {
            Turn t = c.turns().get(i);
            // A later turn's body holds the live replies, so the worker renders every turn of a multi-turn chat.
            String payload = single || !workerRendersHistory ? payloads.get(key(c.conversationId(), i)) : null;
            turns.add(new SessionPlan.TurnPlan(payload, t.text(), t.maxTokens(), -1, (long) (t.delayMs() * 1e6)));
        }
        return new SessionPlan(c.conversationId(), turns, -1);
    }

    /**
     * Input sequence length of a turn rendered ahead of time, as counted when its prompt was made; null when the
     * worker rendered it (its record carries the input text instead).
     */
    Long inputTokens(String conversationId, int turnIndex) {
        Conversation c = dataset.get(conversationId);
        if (c == null || turnIndex >= c.turns().size()) {
            return null;
        }
        return (long) c.turns().get(turnIndex).inputTokens();
    }

    private static String key(String conversationId, int turn) {
        return turn == 0 ? conversationId : conversationId + "#" + turn;
    }

    TextTokenizer tokenizer() {
        return tokenizer;
    }

    List<String> warnings() {
        return warnings;
    }
}

package io.aiperf.core.controller;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.dataset.DatasetSampler;
import io.aiperf.core.dataset.FixedSchedulePlan;
import io.aiperf.core.dataset.InputDataset;
import io.aiperf.core.dataset.ModelSelector;
import io.aiperf.core.endpoint.PayloadFormatter;
import io.aiperf.core.load.SessionPlan;
import io.aiperf.core.load.SessionSource;
import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.Turn;
import io.aiperf.core.model.TurnContents;
import io.aiperf.core.tokenizer.LoadedTokenizer;
import io.aiperf.core.tokenizer.TokenizerLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The run's inputs, prepared once before load starts (AIPerf's DatasetManager) with the run's tokenizer: the
 * conversations (synthetic or from {@code --input-file}), every request body that can be rendered ahead of time
 * rendered exactly once (the same string is sent and written to {@code inputs.json}), and the sources the load
 * engine draws sessions from. Tokenizing never happens on a worker.
 */
final class RunDataset {

    private final InputDataset dataset;
    private final Map<String, String> payloads;
    /** Each turn's model, chosen once while the payloads were rendered (key as {@link #key}). */
    private final Map<String, String> models;
    private final DatasetSampler sampler;
    private final List<String> warnings;
    /** Chat conversations that accumulate history: the worker renders each turn with the live replies. */
    private final boolean workerRendersHistory;
    private final LoadConfig load;
    /** The fixed-schedule options on the dataset's clock (a synthesis speedup divides the offsets too). */
    private final LoadConfig.FixedSchedule schedule;

    private RunDataset(InputDataset dataset, Map<String, String> payloads, Map<String, String> models,
                       List<String> warnings, boolean workerRendersHistory, LoadConfig load,
                       LoadConfig.FixedSchedule schedule) {
        this.dataset = dataset;
        this.payloads = payloads;
        this.models = models;
        this.sampler = dataset.sampler();
        this.warnings = warnings;
        this.workerRendersHistory = workerRendersHistory;
        this.load = load;
        this.schedule = schedule;
    }

    /** The run's tokenizer, resolved and loaded as {@code --tokenizer} and the model name say. */
    static LoadedTokenizer loadTokenizer(BenchmarkConfig config) {
        return TokenizerLoader.load(config.tokenizer().name(), config.tokenizer().revision(),
                config.endpoint().primaryModel());
    }

    static RunDataset prepare(BenchmarkConfig config, LoadedTokenizer loaded, Consumer<String> log) {
        List<String> warnings = new ArrayList<>();
        if (loaded.hasWarning()) {
            warnings.add(loaded.warning());
            log.accept(loaded.warning());
        }
        LoadConfig load = config.load();
        InputDataset dataset = load.mode() == TimingMode.FIXED_SCHEDULE
                ? InputDataset.load(config.input(), loaded.tokenizer(), load.fixedSchedule())
                : InputDataset.load(config.input(), loaded.tokenizer());
        if (dataset.droppedConversations() > 0) {
            log.accept(dataset.droppedConversations() + " conversation(s) fell outside the fixed-schedule window");
        }
        Map<String, String> payloads = new HashMap<>();
        Map<String, String> models = new HashMap<>();
        // AIPerf assigns a model to every turn as the dataset is composed, in dataset order (not in send order).
        ModelSelector selector = new ModelSelector(config.endpoint().modelNames(),
                config.endpoint().modelSelection(), dataset.streams());
        for (Conversation c : dataset.conversations()) {
            for (int i = 0; i < c.turns().size(); i++) {
                String model = selector.next();
                models.put(key(c.conversationId(), i), model);
                payloads.put(key(c.conversationId(), i), PayloadFormatter.format(config.endpoint(), c, i, model));
            }
        }
        try {
            dataset.writeInputsJson(Path.of(config.output().artifactDir(), "inputs.json"),
                    (conversation, turn) -> payloads.get(key(conversation.conversationId(), turn)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write inputs.json: " + e.getMessage(), e);
        }
        boolean workerRendersHistory = config.endpoint().type() == EndpointType.CHAT && dataset.accumulatesHistory();
        return new RunDataset(dataset, payloads, models, warnings, workerRendersHistory, load,
                config.input().synthesis().onSpedUpClock(load.fixedSchedule()));
    }

    /** Sessions drawn with the dataset's sampling strategy (never exhausted). */
    SessionSource sampledSessions() {
        return () -> plan(sampler.next(), -1, Double.NaN);
    }

    /** Sessions in trace order, each due at its timestamp's offset from schedule zero. */
    SessionSource scheduledSessions() {
        FixedSchedulePlan plan = dataset.fixedSchedulePlan(schedule);
        List<FixedSchedulePlan.Entry> entries = plan.entries();
        return new SessionSource() {
            private int next;

            @Override
            public SessionPlan next() {
                if (next >= entries.size()) {
                    return null;
                }
                FixedSchedulePlan.Entry e = entries.get(next++);
                return plan(e.conversation(), e.offsetNs(), plan.zeroMs());
            }

            @Override
            public long peekStartOffsetNs() {
                return next < entries.size() ? entries.get(next).offsetNs() : -1;
            }
        };
    }

    /** Seed of a phase's own random streams (arrival gaps, cancellation draws). */
    long phaseSeed(CreditPhase phase) {
        return dataset.streams().seedOf("timing." + phase.exportName());
    }

    /**
     * @param startOffsetNs fixed schedule: the first turn's offset from schedule zero, else -1
     * @param zeroMs        fixed schedule: the trace time of schedule zero, so later turns' timestamps become offsets
     */
    private SessionPlan plan(Conversation c, long startOffsetNs, double zeroMs) {
        List<SessionPlan.TurnPlan> turns = new ArrayList<>(c.turns().size());
        boolean single = c.turns().size() == 1;
        for (int i = 0; i < c.turns().size(); i++) {
            Turn t = c.turns().get(i);
            String payload = single || !workerRendersHistory ? payloads.get(key(c.conversationId(), i)) : null;
            long timestampOffsetNs = i > 0 && startOffsetNs >= 0 && t.hasTimestamp()
                    ? Math.max(0, Math.round((t.timestampMs() - zeroMs) * 1e6)) : -1;
            TurnInput input = payload != null ? null : new TurnInput(t.text(), t.contents(),
                    i == 0 ? c.systemMessage() : null, i == 0 ? c.userContextMessage() : null,
                    models.get(key(c.conversationId(), i)));
            Long inputTokens = payload != null ? (long) t.inputTokens() : null;
            turns.add(new SessionPlan.TurnPlan(payload, input, t.maxTokens(), inputTokens, timestampOffsetNs,
                    Math.round(t.delayMs() * 1e6), TurnContents.flatten(t.contents().images()).size()));
        }
        return new SessionPlan(c.conversationId(), turns, startOffsetNs);
    }

    private static String key(String conversationId, int turn) {
        return turn == 0 ? conversationId : conversationId + "#" + turn;
    }

    List<String> warnings() {
        return warnings;
    }
}

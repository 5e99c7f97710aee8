package io.aiperf.records.accuracy;

import io.aiperf.core.config.AccuracyConfig;
import io.aiperf.core.dataset.accuracy.AccuracyProblem;
import io.aiperf.core.dataset.accuracy.AccuracyProblems;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.ResponseChunk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected answer of every conversation of an accuracy run, and the run's grader: grades a profiling record by
 * the response text it carries. Built from the same files and options as the dataset, so the ids agree.
 */
public final class AnswerKey {

    private final Map<String, AccuracyProblem> byId = new HashMap<>();
    private final Grader grader;

    public AnswerKey(List<AccuracyProblem> problems, Grader grader) {
        problems.forEach(p -> byId.put(p.conversationId(), p));
        this.grader = grader;
    }

    /** Reads the benchmark's files again, as the dataset did. */
    public static AnswerKey of(AccuracyConfig config) {
        return new AnswerKey(AccuracyProblems.load(config), Grader.of(config.grader()));
    }

    public int size() {
        return byId.size();
    }

    /**
     * The graded line of a record, or null when it is not gradable: it failed (no answer to grade: it counts in the
     * error summary instead) or its conversation is not a problem of this run.
     */
    public AccuracyRecord grade(RequestRecord record, String processorId, long nowEpochNs) {
        AccuracyProblem problem = byId.get(record.conversationId());
        if (problem == null || record.failed()) {
            return null;
        }
        StringBuilder output = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        for (ResponseChunk c : record.responses()) {
            if (c.hasText()) {
                output.append(c.text());
            }
            if (c.hasReasoning()) {
                thinking.append(c.reasoning());
            }
        }
        Grade g = grader.grade(output.toString(), problem.expected());
        return new AccuracyRecord(record.sessionNum(), problem.conversationId(), record.xRequestId(), processorId,
                record.phase().exportName(), nowEpochNs, problem.task(), grader.name(), g.passed(), g.unparsed(),
                g.passed() ? 1.0 : 0.0, problem.expected(), g.actual(), g.explanation(), output.toString(),
                thinking.isEmpty() ? null : thinking.toString());
    }
}

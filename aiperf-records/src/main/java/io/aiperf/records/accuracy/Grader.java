package io.aiperf.records.accuracy;

import io.aiperf.core.config.AccuracyGrader;

/** Scores a model's answer text against the gold answer. Stateless, so one instance serves the whole run. */
public interface Grader {

    /** AIPerf's grader name ({@code grader_name} of the export). */
    String name();

    Grade grade(String response, String expected);

    /** The grader of a type; {@code code_execution} never gets this far (the CLI refuses it). */
    static Grader of(AccuracyGrader type) {
        return switch (type) {
            case EXACT_MATCH -> new ExactMatchGrader();
            case MATH -> new MathGrader();
            case MULTIPLE_CHOICE -> new MultipleChoiceGrader();
            case CODE_EXECUTION -> throw new IllegalArgumentException(
                    "code_execution is not supported: it would run the model's code on this machine");
        };
    }
}

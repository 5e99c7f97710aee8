package io.aiperf.records.accuracy;

/**
 * {@code exact_match}: the response, trimmed, equals the gold answer, trimmed; case counts and nothing is
 * normalised (AIPerf's rule). An empty response is unparsed.
 */
public final class ExactMatchGrader implements Grader {

    @Override
    public String name() {
        return "exact_match";
    }

    @Override
    public Grade grade(String response, String expected) {
        String pred = response == null ? "" : response.strip();
        String gold = expected.strip();
        boolean match = pred.equals(gold);
        return new Grade(match, pred.isEmpty(), pred, "stripped response '" + pred + "' vs '" + gold + "'; match="
                + match);
    }
}

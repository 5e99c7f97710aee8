package io.aiperf.telemetry.scrape;

/**
 * One GET of one endpoint's exposition.
 *
 * @param url         the endpoint
 * @param epochNs     wall clock when the answer arrived (what the samples are stamped with, as AIPerf does)
 * @param text        the body, or null when the scrape failed
 * @param failure     why it failed, one line, or null
 */
public record Scrape(String url, long epochNs, String text, String failure) {

    public boolean ok() {
        return text != null;
    }
}

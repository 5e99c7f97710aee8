package io.aiperf.cli.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * What {@code aiperf analyze-trace} found. Unknown quantities (no timestamps, no hash ids) are NaN, printed as
 * {@code -} in the table and {@code null} in JSON.
 *
 * @param requestRate      arrivals per second: (timestamped rows − 1) over the time span, the inverse of the mean gap
 * @param firstTimestampMs the earliest timestamp
 */
record TraceReport(String inputFile, int blockSize, long requests, long timestampedRequests,
                   double firstTimestampMs, double timeSpanMs, double requestRate,
                   ExactStats.Summary isl, ExactStats.Summary osl,
                   long rowsWithHashIds, long blockCountMismatches,
                   long totalBlocks, long hitBlocks, long totalBlockTokens, long hitBlockTokens) {

    double hitRatio() {
        return totalBlocks == 0 ? Double.NaN : (double) hitBlocks / totalBlocks;
    }

    double tokenHitRatio() {
        return totalBlockTokens == 0 ? Double.NaN : (double) hitBlockTokens / totalBlockTokens;
    }

    /** The plain-text table printed to the terminal. */
    String table() {
        StringBuilder b = new StringBuilder();
        b.append("Trace ").append(inputFile).append('\n');
        line(b, "Requests", Long.toString(requests));
        line(b, "Requests with a timestamp", Long.toString(timestampedRequests));
        line(b, "Time span (s)", num(timeSpanMs / 1000.0, 3));
        line(b, "Mean request rate (req/s)", num(requestRate, 3));
        b.append('\n');
        b.append(String.format(Locale.ROOT, "%-22s %10s %10s %10s %10s %10s %10s %10s %8s%n",
                "Sequence length", "avg", "min", "max", "p50", "p90", "p99", "std", "rows"));
        stats(b, "Input (ISL, tokens)", isl);
        stats(b, "Output (OSL, tokens)", osl);
        b.append('\n');
        b.append("Prefix cache (block size ").append(blockSize).append(" tokens, unbounded, file order)\n");
        line(b, "Rows with hash_ids", Long.toString(rowsWithHashIds));
        line(b, "Rows whose block count is not ceil(ISL/block size)", Long.toString(blockCountMismatches));
        line(b, "Blocks (hit / total)", hitBlocks + " / " + totalBlocks);
        line(b, "Block hit ratio", num(hitRatio(), 4));
        line(b, "Tokens in blocks (hit / total)", hitBlockTokens + " / " + totalBlockTokens);
        line(b, "Token hit ratio", num(tokenHitRatio(), 4));
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "  %-52s %s%n", label, value));
    }

    private static void stats(StringBuilder b, String label, ExactStats.Summary s) {
        b.append(String.format(Locale.ROOT, "%-22s %10s %10s %10s %10s %10s %10s %10s %8d%n", label,
                num(s.avg(), 2), num(s.min(), 0), num(s.max(), 0), num(s.p50(), 2), num(s.p90(), 2),
                num(s.p99(), 2), num(s.std(), 2), s.count()));
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** The JSON report written by {@code --output-file}. */
    ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("input_file", inputFile);
        root.put("block_size", blockSize);
        root.put("request_count", requests);
        root.put("timestamped_request_count", timestampedRequests);
        put(root, "first_timestamp_ms", firstTimestampMs);
        put(root, "time_span_ms", timeSpanMs);
        put(root, "request_rate", requestRate);
        root.set("isl", stats(isl));
        root.set("osl", stats(osl));
        ObjectNode cache = root.putObject("prefix_cache");
        cache.put("rows_with_hash_ids", rowsWithHashIds);
        cache.put("block_count_mismatches", blockCountMismatches);
        cache.put("total_blocks", totalBlocks);
        cache.put("hit_blocks", hitBlocks);
        put(cache, "hit_ratio", hitRatio());
        cache.put("total_tokens", totalBlockTokens);
        cache.put("hit_tokens", hitBlockTokens);
        put(cache, "token_hit_ratio", tokenHitRatio());
        return root;
    }

    private static ObjectNode stats(ExactStats.Summary s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("count", s.count());
        put(o, "avg", s.avg());
        put(o, "min", s.min());
        put(o, "max", s.max());
        put(o, "p50", s.p50());
        put(o, "p90", s.p90());
        put(o, "p99", s.p99());
        put(o, "std", s.std());
        return o;
    }

    private static void put(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }
}

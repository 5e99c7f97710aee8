package io.aiperf.cli.tools;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.dataset.file.DatasetFileException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a mooncake trace one line at a time and measures what it asks of a server: how many requests, over what
 * time, how long their inputs and outputs are, and how much of the input a prefix cache could have served.
 *
 * <p>The cache is replayed in file order with unbounded capacity: a block hits when its hash id was seen in any
 * earlier block (of an earlier row, or earlier in the same row). Block {@code i} of a row with input length
 * {@code L} holds {@code min(blockSize, L − i·blockSize)} tokens (the last block is usually partial; blocks past the
 * input hold none), which weighs the token hit ratio.
 */
final class TraceAnalyzer {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final int blockSize;
    private final ExactStats isl = new ExactStats();
    private final ExactStats osl = new ExactStats();
    private final Set<Long> seen = new HashSet<>();
    private long requests;
    private long timestamped;
    private double firstTimestamp = Double.POSITIVE_INFINITY;
    private double lastTimestamp = Double.NEGATIVE_INFINITY;
    private long rowsWithHashIds;
    private long blockCountMismatches;
    private long totalBlocks;
    private long hitBlocks;
    private long totalBlockTokens;
    private long hitBlockTokens;

    TraceAnalyzer(int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be positive: " + blockSize);
        }
        this.blockSize = blockSize;
    }

    /** Analyses every non-blank line of {@code in}; {@code file} names it in error messages. */
    TraceReport analyze(BufferedReader in, Path file) {
        String display = file.toString();
        int line = 0;
        try {
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (!text.isBlank()) {
                    row(display, line, parse(display, line, text));
                }
            }
        } catch (IOException e) {
            throw ToolFiles.readFailure(file, line + 1, e);
        }
        return report(display);
    }

    private static ObjectNode parse(String display, int line, String text) {
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                throw DatasetFileException.atLine(display, line, "invalid JSON: unexpected content after the object");
            }
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw DatasetFileException.atLine(display, line, "not a JSON object");
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
            throw DatasetFileException.atLine(display, line, "invalid JSON: " + m.lines().findFirst().orElse(m));
        } catch (IOException e) {
            throw DatasetFileException.atLine(display, line, "cannot parse: " + e.getMessage());
        }
    }

    private void row(String display, int line, ObjectNode row) {
        JsonNode in = row.get("input_length");
        if (in == null || in.isNull()) {
            throw DatasetFileException.atLine(display, line, "no input_length (analyze-trace needs token counts; "
                    + "rows with text_input or messages cannot be measured)");
        }
        long inputLength = count(display, line, "input_length", in);
        requests++;
        isl.add(inputLength);
        JsonNode out = row.get("output_length");
        if (out != null && !out.isNull()) {
            osl.add(count(display, line, "output_length", out));
        }
        JsonNode ts = row.get("timestamp");
        if (ts != null && !ts.isNull()) {
            if (!ts.isNumber() || !Double.isFinite(ts.asDouble()) || ts.asDouble() < 0) {
                throw DatasetFileException.atLine(display, line, "timestamp must be a non-negative number of ms");
            }
            timestamped++;
            firstTimestamp = Math.min(firstTimestamp, ts.asDouble());
            lastTimestamp = Math.max(lastTimestamp, ts.asDouble());
        }
        JsonNode hashes = row.get("hash_ids");
        if (hashes != null && !hashes.isNull()) {
            if (!hashes.isArray()) {
                throw DatasetFileException.atLine(display, line, "hash_ids must be a list of integers");
            }
            rowsWithHashIds++;
            if (hashes.size() != (inputLength + blockSize - 1) / blockSize) {
                blockCountMismatches++;
            }
            for (int i = 0; i < hashes.size(); i++) {
                JsonNode h = hashes.get(i);
                if (!h.isIntegralNumber() || !h.canConvertToLong()) {
                    throw DatasetFileException.atLine(display, line, "hash_ids[" + i + "] is not an integer");
                }
                long tokens = Math.max(0, Math.min(blockSize, inputLength - (long) i * blockSize));
                totalBlocks++;
                totalBlockTokens += tokens;
                if (!seen.add(h.asLong())) {
                    hitBlocks++;
                    hitBlockTokens += tokens;
                }
            }
        }
    }

    private static long count(String display, int line, String field, JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw DatasetFileException.atLine(display, line, field + " must be a non-negative integer (found "
                    + node + ")");
        }
        return node.asLong();
    }

    private TraceReport report(String display) {
        double spanMs = timestamped == 0 ? Double.NaN : lastTimestamp - firstTimestamp;
        // The inverse of the mean gap between consecutive arrivals: n timestamps make n − 1 gaps.
        double rate = timestamped > 1 && spanMs > 0 ? (timestamped - 1) / (spanMs / 1000.0) : Double.NaN;
        return new TraceReport(display, blockSize, requests, timestamped,
                timestamped == 0 ? Double.NaN : firstTimestamp, spanMs, rate, isl.summarize(), osl.summarize(),
                rowsWithHashIds, blockCountMismatches, totalBlocks, hitBlocks, totalBlockTokens, hitBlockTokens);
    }
}

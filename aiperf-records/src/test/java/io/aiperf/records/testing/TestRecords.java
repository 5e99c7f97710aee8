package io.aiperf.records.testing;

import io.aiperf.core.message.HttpTrace;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.MediaResult;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.model.Usage;
import io.aiperf.core.tokenizer.TextTokenizer;

import java.util.ArrayList;
import java.util.List;

/** Builds {@link RequestRecord}s with readable stamps for tests. Times are worker nanoTime values in ns. */
public final class TestRecords {

    /** A wall-clock anchor: 2025-10-07T05:00:07.532900363Z. */
    public static final long EPOCH_NS = 1_759_813_207_532_900_363L;

    private long creditId = 1;
    private CreditPhase phase = CreditPhase.PROFILING;
    private long startNs = 1_000_000_000L;
    private long headersNs = -1;
    private long endNs = -1;
    private long startEpochNs = EPOCH_NS;
    private int httpStatus = 200;
    private final List<ResponseChunk> responses = new ArrayList<>();
    private Usage usage;
    private ErrorDetails error;
    private boolean cancelled;
    private Long writeOffsetNs = 0L;
    private long scheduledNs = -1;
    private long issuedNs = -1;
    private Long sessionNum;
    private String inputText;
    private HttpTrace trace;

    private MediaResult media;

    public static TestRecords request() {
        return new TestRecords();
    }

    public TestRecords credit(long id) {
        this.creditId = id;
        return this;
    }

    public TestRecords phase(CreditPhase phase) {
        this.phase = phase;
        return this;
    }

    public TestRecords startNs(long startNs) {
        this.startNs = startNs;
        return this;
    }

    public TestRecords startEpochNs(long epochNs) {
        this.startEpochNs = epochNs;
        return this;
    }

    public TestRecords headersAt(long offsetNs) {
        this.headersNs = startNs + offsetNs;
        return this;
    }

    public TestRecords endAt(long offsetNs) {
        this.endNs = startNs + offsetNs;
        return this;
    }

    /** A text chunk {@code offsetNs} after the request start. */
    public TestRecords text(long offsetNs, String text) {
        responses.add(new ResponseChunk(startNs + offsetNs, text, null));
        return this;
    }

    public TestRecords reasoning(long offsetNs, String reasoning) {
        responses.add(new ResponseChunk(startNs + offsetNs, null, reasoning));
        return this;
    }

    /** A chunk carrying both text and reasoning (either may be null or empty), {@code offsetNs} after the start. */
    public TestRecords chunk(long offsetNs, String text, String reasoning) {
        responses.add(new ResponseChunk(startNs + offsetNs, text, reasoning));
        return this;
    }

    public TestRecords chunk(ResponseChunk chunk) {
        responses.add(chunk);
        return this;
    }

    public TestRecords usage(Long prompt, Long completion, Long reasoning) {
        this.usage = new Usage(prompt, completion, completion == null || prompt == null ? null : prompt + completion,
                reasoning);
        return this;
    }

    public TestRecords error(Integer code, String type, String message) {
        this.error = new ErrorDetails(code, type, message);
        this.httpStatus = code == null ? 0 : code;
        return this;
    }

    /** When the bytes were written, {@code offsetNs} after the start (default 0); null for never (-1). */
    public TestRecords writeAt(Long offsetNs) {
        this.writeOffsetNs = offsetNs;
        return this;
    }

    /** The scheduled send time, {@code offsetNs} after the start (negative: the schedule wanted it earlier). */
    /** The controller issued the credit {@code offsetNs} after the start (negative: before it). */
    public TestRecords issuedAt(long offsetNs) {
        this.issuedNs = startNs + offsetNs;
        return this;
    }

    /** AIPerf's {@code session_num}, when it is not the credit id (a turn of a multi-turn session). */
    public TestRecords sessionNum(long num) {
        this.sessionNum = num;
        return this;
    }

    public TestRecords scheduledAt(long offsetNs) {
        this.scheduledNs = startNs + offsetNs;
        return this;
    }

    public TestRecords inputText(String text) {
        this.inputText = text;
        return this;
    }

    /** The transport trace (as with {@code --export-http-trace}); its stamps are absolute nanoTime values. */
    public TestRecords trace(HttpTrace trace) {
        this.trace = trace;
        return this;
    }

    /** The request's start stamp, for building a trace around it. */
    public long startNs() {
        return startNs;
    }

    /** Input images and video job figures. */
    public TestRecords media(MediaResult media) {
        this.media = media;
        return this;
    }

    public TestRecords cancelled() {
        this.cancelled = true;
        return this;
    }

    public RequestRecord build() {
        long end = endNs >= 0 ? endNs
                : responses.isEmpty() ? startNs + 1_000 : responses.get(responses.size() - 1).arrivalNs() + 1_000;
        long writeNs = writeOffsetNs == null ? -1 : startNs + writeOffsetNs;
        return new RequestRecord("worker_1", creditId, phase, "conv-" + creditId, 0, "req-" + creditId,
                "corr-" + creditId, startNs - 5_000, startNs, writeNs, headersNs, end, startEpochNs, httpStatus,
                responses, usage, error, cancelled, scheduledNs, inputText, null, null, null, trace, issuedNs,
                sessionNum == null ? creditId : sessionNum, media);
    }

    /** One token per whitespace-separated word; deterministic and instant. */
    public static TextTokenizer wordTokenizer() {
        return new TextTokenizer() {
            @Override
            public String name() {
                return "words";
            }

            @Override
            public int[] encode(String text) {
                String trimmed = text == null ? "" : text.strip();
                if (trimmed.isEmpty()) {
                    return new int[0];
                }
                return new int[trimmed.split("\\s+").length];
            }

            @Override
            public String decode(int[] ids) {
                return "";
            }
        };
    }
}

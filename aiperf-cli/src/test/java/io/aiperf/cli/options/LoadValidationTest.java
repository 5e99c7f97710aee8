package io.aiperf.cli.options;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.aiperf.cli.options.Cli.rejects;

/** Every rule AIPerf enforces on the load options is a one-line usage error naming the options involved. */
class LoadValidationTest {

    @TempDir
    Path tmp;

    private String trace;

    @BeforeEach
    void writeTrace() throws IOException {
        trace = Files.writeString(tmp.resolve("trace.jsonl"),
                "{\"timestamp\": 0, \"input_length\": 10}\n{\"timestamp\": 5, \"input_length\": 10}\n").toString();
    }

    @Test
    void gracePeriodWithoutDuration() {
        rejects("--benchmark-grace-period", "10")
                .hasMessageContaining("--benchmark-grace-period").hasMessageContaining("--benchmark-duration");
    }

    @Test
    void warmupGracePeriodWithoutWarmupDuration() {
        rejects("--warmup-request-count", "3", "--warmup-grace-period", "10")
                .hasMessageContaining("--warmup-grace-period").hasMessageContaining("--warmup-duration");
    }

    @Test
    void numUsersWithoutUserCentricRate() {
        rejects("--num-users", "2")
                .hasMessageContaining("--num-users").hasMessageContaining("--user-centric-rate");
        rejects("--num-users", "20").as("not the count check, which only concerns user-centric runs")
                .hasMessageContaining("--num-users can only be used with --user-centric-rate");
    }

    @Test
    void cancellationDelayWithoutRate() {
        rejects("--request-cancellation-delay", "1")
                .hasMessageContaining("--request-cancellation-delay").hasMessageContaining("--request-cancellation-rate");
    }

    @Test
    void fixedScheduleOptionsWithoutFixedSchedule() {
        rejects("--fixed-schedule-auto-offset")
                .hasMessageContaining("--fixed-schedule-auto-offset can only be used with --fixed-schedule");
        rejects("--fixed-schedule-start-offset", "5", "--fixed-schedule-end-offset", "10")
                .hasMessageContaining("--fixed-schedule-start-offset, --fixed-schedule-end-offset")
                .hasMessageContaining("--fixed-schedule;");
    }

    @Test
    void fixedScheduleOptionsWithATraceThatHasNoTimestamps() throws IOException {
        String noTs = Files.writeString(tmp.resolve("nots.jsonl"), "{\"input_length\": 10}\n").toString();
        rejects("--input-file", noTs, "--custom-dataset-type", "mooncake_trace", "--fixed-schedule-end-offset", "9")
                .hasMessageContaining("--fixed-schedule-end-offset can only be used with --fixed-schedule");
    }

    @Test
    void rateRampOutsideRequestRateTiming() {
        rejects("--input-file", trace, "--fixed-schedule", "--request-rate-ramp-duration", "5")
                .hasMessageContaining("--request-rate-ramp-duration").hasMessageContaining("fixed schedule");
        rejects("--input-file", trace, "--custom-dataset-type", "mooncake_trace", "--request-rate-ramp-duration", "5")
                .hasMessageContaining("--request-rate-ramp-duration").hasMessageContaining("timestamp");
        rejects("--user-centric-rate", "1", "--num-users", "1", "--session-turns-mean", "2", "--num-sessions", "2",
                "--request-rate-ramp-duration", "5")
                .hasMessageContaining("--request-rate-ramp-duration").hasMessageContaining("--user-centric-rate");
    }

    @Test
    void requestCountAndNumSessionsTogether() {
        rejects("--request-count", "10", "--num-sessions", "5")
                .hasMessageContaining("--request-count").hasMessageContaining("--num-sessions");
        rejects("--request-count", "10", "--conversation-num", "5").hasMessageContaining("--num-sessions");
    }

    @Test
    void warmupRequestCountAndWarmupSessionsTogether() {
        rejects("--warmup-request-count", "10", "--num-warmup-sessions", "5")
                .hasMessageContaining("--warmup-request-count").hasMessageContaining("--num-warmup-sessions");
    }

    @Test
    void concurrencyAboveTheSessionCount() {
        rejects("--concurrency", "8", "--num-sessions", "4")
                .hasMessageContaining("--concurrency (8)").hasMessageContaining("--num-sessions (4)");
    }

    @Test
    void concurrencyAboveTheRequestCount() {
        rejects("--concurrency", "8", "--request-count", "4")
                .hasMessageContaining("--concurrency (8) must not exceed --request-count (4)");
        rejects("--input-file", trace, "--fixed-schedule", "--concurrency", "3")
                .hasMessageContaining("--concurrency (3)").hasMessageContaining("entries of --input-file");
    }

    @Test
    void prefillConcurrencyWithoutStreaming() {
        rejects("--prefill-concurrency", "2")
                .hasMessageContaining("--prefill-concurrency").hasMessageContaining("--streaming");
        rejects("--warmup-prefill-concurrency", "2", "--warmup-request-count", "2")
                .hasMessageContaining("--warmup-prefill-concurrency").hasMessageContaining("--streaming");
    }

    @Test
    void prefillConcurrencyAboveConcurrency() {
        rejects("--streaming", "--concurrency", "2", "--prefill-concurrency", "3")
                .hasMessageContaining("--prefill-concurrency (3)").hasMessageContaining("--concurrency (2)");
        rejects("--streaming", "--concurrency", "4", "--warmup-concurrency", "2", "--warmup-prefill-concurrency", "3")
                .hasMessageContaining("--warmup-prefill-concurrency (3)").hasMessageContaining("--warmup-concurrency");
    }

    @Test
    void samplingStrategyWithAFixedSchedule() {
        rejects("--input-file", trace, "--fixed-schedule", "--dataset-sampling-strategy", "random")
                .hasMessageContaining("--dataset-sampling-strategy").hasMessageContaining("fixed schedule");
        rejects("--input-file", trace, "--custom-dataset-type", "mooncake_trace", "--dataset-sampling-strategy",
                "shuffle").hasMessageContaining("--dataset-sampling-strategy").hasMessageContaining("timestamp");
    }

    @Test
    void customDatasetTypeWithoutInputFile() {
        rejects("--custom-dataset-type", "single_turn")
                .hasMessageContaining("--custom-dataset-type").hasMessageContaining("--input-file");
    }

    @Test
    void fixedScheduleWithoutInputFile() {
        rejects("--fixed-schedule").hasMessageContaining("--fixed-schedule").hasMessageContaining("--input-file");
    }

    @Test
    void startOffsetWithAutoOffset() {
        rejects("--input-file", trace, "--fixed-schedule", "--fixed-schedule-auto-offset",
                "--fixed-schedule-start-offset", "5")
                .hasMessageContaining("--fixed-schedule-start-offset").hasMessageContaining("--fixed-schedule-auto-offset");
    }

    @Test
    void startOffsetAfterEndOffset() {
        rejects("--input-file", trace, "--fixed-schedule", "--fixed-schedule-start-offset", "10",
                "--fixed-schedule-end-offset", "5")
                .hasMessageContaining("--fixed-schedule-start-offset (10)")
                .hasMessageContaining("--fixed-schedule-end-offset (5)");
    }

    @Test
    void fewerSessionsOrRequestsThanUsers() {
        rejects("--user-centric-rate", "1", "--num-users", "4", "--session-turns-mean", "2", "--num-sessions", "3")
                .hasMessageContaining("--num-sessions (3)").hasMessageContaining("--num-users (4)");
        rejects("--user-centric-rate", "1", "--num-users", "4", "--session-turns-mean", "2", "--request-count", "3")
                .hasMessageContaining("--request-count (3)").hasMessageContaining("--num-users (4)");
    }

    @Test
    void noStopConditionAtAll() {
        rejects("--user-centric-rate", "1", "--num-users", "4", "--session-turns-mean", "2")
                .hasMessageContaining("--request-count").hasMessageContaining("--num-sessions")
                .hasMessageContaining("--benchmark-duration");
    }

    @Test
    void userCentricNeedsUsers() {
        rejects("--user-centric-rate", "1", "--session-turns-mean", "2", "--num-sessions", "2")
                .hasMessageContaining("--user-centric-rate").hasMessageContaining("--num-users");
    }

    @Test
    void userCentricRefusesARateOrPattern() {
        rejects("--user-centric-rate", "1", "--num-users", "1", "--session-turns-mean", "2", "--num-sessions", "2",
                "--request-rate", "3").hasMessageContaining("--user-centric-rate").hasMessageContaining("--request-rate");
        rejects("--user-centric-rate", "1", "--num-users", "1", "--session-turns-mean", "2", "--num-sessions", "2",
                "--arrival-pattern", "constant").hasMessageContaining("--arrival-pattern");
    }

    @Test
    void userCentricNeedsMultiTurnSessions() {
        rejects("--user-centric-rate", "1", "--num-users", "1", "--num-sessions", "2")
                .hasMessageContaining("--user-centric-rate").hasMessageContaining("--session-turns-mean >= 2");
    }

    @Test
    void concurrencyBurstWithARate() {
        rejects("--request-rate", "5", "--arrival-pattern", "concurrency_burst")
                .hasMessageContaining("concurrency_burst").hasMessageContaining("--request-rate");
        rejects("--concurrency", "2", "--warmup-request-count", "2", "--warmup-request-rate", "3",
                "--warmup-arrival-pattern", "concurrency-burst").hasMessageContaining("--warmup-arrival-pattern");
    }

    @Test
    void smoothnessWithAnotherPatternOrWithoutARate() {
        rejects("--request-rate", "5", "--arrival-pattern", "constant", "--arrival-smoothness", "2")
                .hasMessageContaining("--arrival-smoothness").hasMessageContaining("gamma");
        rejects("--arrival-smoothness", "2")
                .hasMessageContaining("--arrival-smoothness").hasMessageContaining("--request-rate");
    }

    @Test
    void inputFileMustExist() {
        String missing = tmp.resolve("missing.jsonl").toString();
        rejects("--input-file", missing).hasMessageContaining("--input-file").hasMessageContaining(missing);
    }

    @Test
    void aDirectoryCannotBeAFixedSchedule() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        rejects("--input-file", dir.toString(), "--fixed-schedule")
                .hasMessageContaining("--fixed-schedule").hasMessageContaining("directory");
    }

    @Test
    void anEmptyTraceHasNothingToSchedule() throws IOException {
        String empty = Files.writeString(tmp.resolve("empty.jsonl"), "\n  \n").toString();
        rejects("--input-file", empty, "--fixed-schedule").hasMessageContaining("no entries");
    }

    @Test
    void unknownChoices() {
        rejects("--request-rate", "5", "--arrival-pattern", "bursty").hasMessageContaining("--arrival-pattern");
        rejects("--input-file", trace, "--custom-dataset-type", "sharegpt")
                .hasMessageContaining("--custom-dataset-type").hasMessageContaining("mooncake_trace");
        rejects("--dataset-sampling-strategy", "reverse").hasMessageContaining("--dataset-sampling-strategy");
    }

    @Test
    void outOfRangeValues() {
        rejects("--request-rate", "0").hasMessageContaining("--request-rate must be greater than 0");
        rejects("--request-rate", "inf").hasMessageContaining("--request-rate must be a finite number");
        rejects("--benchmark-duration", "-1").hasMessageContaining("--benchmark-duration");
        rejects("--benchmark-duration", "5", "--benchmark-grace-period", "-1")
                .hasMessageContaining("--benchmark-grace-period");
        rejects("--request-cancellation-rate", "0").hasMessageContaining("--request-cancellation-rate");
        rejects("--request-cancellation-rate", "100.5").hasMessageContaining("(0, 100]");
        rejects("--request-cancellation-rate", "5", "--request-cancellation-delay", "-1")
                .hasMessageContaining("--request-cancellation-delay");
        rejects("--prefill-concurrency", "0").hasMessageContaining("--prefill-concurrency");
        rejects("--num-sessions", "0").hasMessageContaining("--num-sessions");
        rejects("--num-warmup-sessions", "0").hasMessageContaining("--num-warmup-sessions");
        rejects("--warmup-request-count", "0").hasMessageContaining("--warmup-request-count");
        rejects("--session-turns-mean", "0").hasMessageContaining("--session-turns-mean");
        rejects("--input-file", trace, "--fixed-schedule", "--fixed-schedule-start-offset", "-1")
                .hasMessageContaining("--fixed-schedule-start-offset");
        rejects("--concurrency-ramp-duration", "0").hasMessageContaining("--concurrency-ramp-duration");
    }
}

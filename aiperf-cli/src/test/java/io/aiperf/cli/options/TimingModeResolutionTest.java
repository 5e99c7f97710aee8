package io.aiperf.cli.options;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.MessageCodec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.aiperf.cli.options.Cli.m;
import static io.aiperf.cli.options.Cli.rejects;
import static io.aiperf.cli.options.Cli.runDir;
import static org.assertj.core.api.Assertions.assertThat;

/** AIPerf's timing-mode resolution and the defaults each mode brings (docs/timing-modes.md). */
class TimingModeResolutionTest {

    @TempDir
    Path tmp;

    private String file(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content).toString();
    }

    @Nested
    class ConcurrencyBurst {

        @Test
        void withoutRateOrScheduleTheRunIsABurstAtConcurrencyOne() {
            LoadConfig load = m().load();
            assertThat(load.mode()).isEqualTo(TimingMode.REQUEST_RATE);
            PhaseLoad p = load.profiling();
            assertThat(p.pattern()).isEqualTo(ArrivalPattern.CONCURRENCY_BURST);
            assertThat(p.requestRate()).isNull();
            assertThat(p.concurrency()).isEqualTo(1);
            assertThat(p.prefillConcurrency()).isNull();
            assertThat(p.requestCount()).isEqualTo(10);
            assertThat(p.numSessions()).isNull();
            assertThat(p.durationS()).isNull();
            assertThat(p.gracePeriodS()).isEqualTo(30.0);
            assertThat(p.rateRampS()).isNull();
            assertThat(load.warmup()).isNull();
            assertThat(load.cancellationRatePct()).isNull();
            assertThat(load.cancellationDelayS()).isZero();
            assertThat(load.userCentric()).isNull();
            assertThat(load.fixedSchedule()).isNull();
        }

        @Test
        void defaultRequestCountIsTwiceTheConcurrencyAndAtLeastTen() {
            assertThat(m("--concurrency", "3").load().requestCount()).isEqualTo(10);
            assertThat(m("--concurrency", "8").load().requestCount()).isEqualTo(16);
        }

        @Test
        void prefillConcurrencyAloneLeavesSessionsUnlimitedAndSetsTheCount() {
            BenchmarkConfig c = m("--streaming", "--prefill-concurrency", "8");
            assertThat(c.load().profiling().concurrency()).isNull();
            assertThat(c.load().profiling().prefillConcurrency()).isEqualTo(8);
            assertThat(c.load().requestCount()).isEqualTo(16);
            // AIPerf joins an empty stimulus: the name ends with the separator.
            assertThat(runDir(c)).isEqualTo("m-openai-chat-");
        }

        @Test
        void aDurationOrSessionCountReplacesTheDefaultCount() {
            PhaseLoad byDuration = m("--benchmark-duration", "60").load().profiling();
            assertThat(byDuration.requestCount()).isNull();
            assertThat(byDuration.durationS()).isEqualTo(60.0);
            assertThat(byDuration.gracePeriodS()).isEqualTo(30.0);
            PhaseLoad bySessions = m("--num-sessions", "20").load().profiling();
            assertThat(bySessions.requestCount()).isNull();
            assertThat(bySessions.numSessions()).isEqualTo(20);
        }

        @Test
        void anArrivalPatternWithoutARateIsStillABurst() {
            assertThat(m("--arrival-pattern", "constant").load().profiling().pattern())
                    .isEqualTo(ArrivalPattern.CONCURRENCY_BURST);
            assertThat(m("--arrival-pattern", "Concurrency-Burst").load().profiling().pattern())
                    .isEqualTo(ArrivalPattern.CONCURRENCY_BURST);
        }

        @Test
        void aRateRampIsAcceptedButHasNoRateToRamp() {
            assertThat(m("--concurrency", "2", "--request-rate-ramp-duration", "5").load().profiling().rateRampS())
                    .isNull();
        }
    }

    @Nested
    class RequestRate {

        @Test
        void aRateIsPoissonPacedWithUnlimitedConcurrencyAndTenRequests() {
            BenchmarkConfig c = Cli.resolve(16, "-m", "m", "--request-rate", "20");
            PhaseLoad p = c.load().profiling();
            assertThat(c.load().mode()).isEqualTo(TimingMode.REQUEST_RATE);
            assertThat(p.pattern()).isEqualTo(ArrivalPattern.POISSON);
            assertThat(p.requestRate()).isEqualTo(20.0);
            assertThat(p.concurrency()).isNull();
            assertThat(c.load().concurrency()).isEqualTo(Integer.MAX_VALUE);
            assertThat(p.requestCount()).isEqualTo(10);
            assertThat(p.smoothness()).isEqualTo(1.0);
            assertThat(c.service().workers()).as("unlimited concurrency does not cap workers").isEqualTo(11);
            assertThat(runDir(c)).isEqualTo("m-openai-chat-request_rate20.0");
        }

        @Test
        void aRateWithConcurrencyKeepsBothAndNamesBoth() {
            BenchmarkConfig c = Cli.resolve(16, "-m", "m", "--request-rate", "20", "--concurrency", "5");
            assertThat(c.load().profiling().concurrency()).isEqualTo(5);
            assertThat(c.service().workers()).isEqualTo(5);
            assertThat(runDir(c)).isEqualTo("m-openai-chat-concurrency5-request_rate20.0");
            assertThat(runDir(m("--request-rate", "0.5"))).endsWith("-request_rate0.5");
            assertThat(runDir(m("--request-rate", "2.50"))).endsWith("-request_rate2.5");
        }

        @Test
        void patternsAreCaseInsensitiveAndHaveTheirAlias() {
            assertThat(m("--request-rate", "5", "--arrival-pattern", "CONSTANT").load().profiling().pattern())
                    .isEqualTo(ArrivalPattern.CONSTANT);
            assertThat(m("--request-rate", "5", "--request-rate-mode", "Gamma").load().profiling().pattern())
                    .isEqualTo(ArrivalPattern.GAMMA);
            assertThat(m("--request-rate", "5", "--arrival-pattern", "poisson").load().profiling().pattern())
                    .isEqualTo(ArrivalPattern.POISSON);
        }

        @Test
        void smoothnessWithoutAPatternSwitchesToGamma() {
            PhaseLoad p = m("--request-rate", "5", "--arrival-smoothness", "2.5").load().profiling();
            assertThat(p.pattern()).isEqualTo(ArrivalPattern.GAMMA);
            assertThat(p.smoothness()).isEqualTo(2.5);
            assertThat(m("--request-rate", "5", "--vllm-burstiness", "0.5").load().profiling().smoothness())
                    .isEqualTo(0.5);
            assertThat(m("--request-rate", "5", "--arrival-pattern", "gamma", "--arrival-smoothness", "3")
                    .load().profiling().smoothness()).isEqualTo(3.0);
        }

        @Test
        void durationBoundRateRunHasNoDefaultCount() {
            PhaseLoad p = m("--request-rate", "5", "--benchmark-duration", "30", "--benchmark-grace-period", "inf")
                    .load().profiling();
            assertThat(p.requestCount()).isNull();
            assertThat(p.durationS()).isEqualTo(30.0);
            assertThat(p.gracePeriodS()).isEqualTo(Double.POSITIVE_INFINITY);
        }

        @Test
        void rampsAreCarried() {
            PhaseLoad p = m("--request-rate", "5", "--concurrency", "4", "--streaming", "--prefill-concurrency", "2",
                    "--request-rate-ramp-duration", "10", "--concurrency-ramp-duration", "3",
                    "--prefill-concurrency-ramp-duration", "1.5").load().profiling();
            assertThat(p.rateRampS()).isEqualTo(10.0);
            assertThat(p.concurrencyRampS()).isEqualTo(3.0);
            assertThat(p.prefillRampS()).isEqualTo(1.5);
        }
    }

    @Nested
    class FixedSchedule {

        @Test
        void fixedScheduleCountsTheNonEmptyLinesOfTheFile() throws IOException {
            String trace = file("t.jsonl", "{\"timestamp\": 0, \"input_length\": 10}\n\n"
                    + "{\"timestamp\": 5, \"input_length\": 10}\n   \n{\"timestamp\": 9, \"input_length\": 10}");
            BenchmarkConfig c = m("--input-file", trace, "--fixed-schedule", "--fixed-schedule-auto-offset");
            assertThat(c.load().mode()).isEqualTo(TimingMode.FIXED_SCHEDULE);
            assertThat(c.load().requestCount()).isEqualTo(3);
            assertThat(c.load().profiling().concurrency()).isNull();
            assertThat(c.load().profiling().requestRate()).isNull();
            assertThat(c.load().fixedSchedule()).isEqualTo(new LoadConfig.FixedSchedule(true, null, null));
            assertThat(c.input().inputFile()).isEqualTo(Path.of(trace).toAbsolutePath().normalize().toString());
            assertThat(runDir(c)).isEqualTo("m-openai-chat-fixed_schedule");
        }

        @Test
        void offsetsAreCarried() throws IOException {
            String trace = file("t.jsonl", "{\"timestamp\": 0}\n{\"timestamp\": 5}\n");
            LoadConfig load = m("--input-file", trace, "--fixed-schedule", "--fixed-schedule-start-offset", "100",
                    "--fixed-schedule-end-offset", "200").load();
            assertThat(load.fixedSchedule()).isEqualTo(new LoadConfig.FixedSchedule(false, 100L, 200L));
        }

        @Test
        void anExplicitCountOrSessionCountWinsOverTheLineCount() throws IOException {
            String trace = file("t.jsonl", "{\"timestamp\": 0}\n{\"timestamp\": 5}\n{\"timestamp\": 7}\n");
            assertThat(m("--input-file", trace, "--fixed-schedule", "--request-count", "2").load().requestCount())
                    .isEqualTo(2);
            PhaseLoad p = m("--input-file", trace, "--fixed-schedule", "--num-sessions", "1").load().profiling();
            assertThat(p.requestCount()).isNull();
            assertThat(p.numSessions()).isEqualTo(1);
        }

        @Test
        void aFixedScheduleDoesNotNeedACountWithADurationEither() throws IOException {
            String trace = file("t.jsonl", "{\"timestamp\": 0}\n{\"timestamp\": 5}\n");
            PhaseLoad p = m("--input-file", trace, "--fixed-schedule", "--benchmark-duration", "10").load().profiling();
            assertThat(p.requestCount()).as("AIPerf still counts the entries").isEqualTo(2);
            assertThat(p.durationS()).isEqualTo(10.0);
        }

        @Test
        void aMooncakeTraceWithATimestampSwitchesOnTheFixedSchedule() throws IOException {
            String trace = file("mooncake.jsonl", "{\"timestamp\": 0, \"input_length\": 655, \"hash_ids\": [0]}\n"
                    + "{\"timestamp\": 1000, \"input_length\": 10}\n");
            BenchmarkConfig c = m("--input-file", trace, "--custom-dataset-type", "mooncake_trace");
            assertThat(c.load().mode()).isEqualTo(TimingMode.FIXED_SCHEDULE);
            assertThat(c.load().requestCount()).isEqualTo(2);
            assertThat(c.input().customDatasetType()).isEqualTo("mooncake_trace");
            assertThat(runDir(c)).endsWith("-fixed_schedule");
        }

        @Test
        void autoDetectionCountsAsSetForTheFixedScheduleOptions() throws IOException {
            String trace = file("mooncake.jsonl", "{\"timestamp\": 50, \"input_length\": 10}\n");
            LoadConfig load = m("--input-file", trace, "--custom-dataset-type", "mooncake-trace",
                    "--fixed-schedule-auto-offset").load();
            assertThat(load.fixedSchedule().autoOffset()).isTrue();
        }

        @Test
        void theTraceTypesAllQualify() throws IOException {
            String bailian = file("b.jsonl", "{\"chat_id\": 1, \"parent_chat_id\": -1, \"timestamp\": 0.5, "
                    + "\"input_length\": 10, \"output_length\": 2, \"type\": \"text\", \"turn\": 1, \"hash_ids\": [1]}\n");
            assertThat(m("--input-file", bailian, "--custom-dataset-type", "bailian_trace").load().mode())
                    .isEqualTo(TimingMode.FIXED_SCHEDULE);
            String burst = file("burst.csv", "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type\n"
                    + "5,ChatGPT,472,18,490,Conversation log\n8,ChatGPT,1087,261,1348,Conversation log\n\n");
            LoadConfig load = m("--input-file", burst, "--custom-dataset-type", "BURST_GPT_TRACE").load();
            assertThat(load.mode()).isEqualTo(TimingMode.FIXED_SCHEDULE);
            assertThat(load.requestCount()).as("the CSV header is not an entry").isEqualTo(2);
        }

        @Test
        void withoutATypeAJsonlFileWhoseFirstEntryHasATimestampIsATrace() throws IOException {
            String trace = file("trace.jsonl", "\n{\"timestamp\": 0, \"text\": \"hi\"}\n{\"text\": \"x\"}\n");
            BenchmarkConfig c = m("--input-file", trace);
            assertThat(c.load().mode()).isEqualTo(TimingMode.FIXED_SCHEDULE);
            assertThat(c.input().customDatasetType()).isNull();
        }

        @Test
        void noTimestampANullTimestampOrANonTraceTypeMeansNoFixedSchedule() throws IOException {
            String noTs = file("a.jsonl", "{\"input_length\": 10}\n{\"timestamp\": 5, \"input_length\": 10}\n");
            assertThat(m("--input-file", noTs, "--custom-dataset-type", "mooncake_trace").load().mode())
                    .as("only the first entry is looked at").isEqualTo(TimingMode.REQUEST_RATE);
            String nullTs = file("b.jsonl", "{\"timestamp\": null, \"input_length\": 10}\n");
            assertThat(m("--input-file", nullTs, "--custom-dataset-type", "mooncake_trace").load().mode())
                    .isEqualTo(TimingMode.REQUEST_RATE);
            assertThat(m("--input-file", nullTs).load().mode()).isEqualTo(TimingMode.REQUEST_RATE);
            String singleTurn = file("c.jsonl", "{\"timestamp\": 0, \"text\": \"hi\"}\n");
            assertThat(m("--input-file", singleTurn, "--custom-dataset-type", "single_turn").load().mode())
                    .isEqualTo(TimingMode.REQUEST_RATE);
            String notJsonl = file("d.txt", "{\"timestamp\": 0, \"text\": \"hi\"}\n");
            assertThat(m("--input-file", notJsonl).load().mode()).isEqualTo(TimingMode.REQUEST_RATE);
            String burstNoTs = file("e.csv", "Model,Request tokens,Response tokens\nChatGPT,4,1\n");
            assertThat(m("--input-file", burstNoTs, "--custom-dataset-type", "burst_gpt_trace").load().mode())
                    .isEqualTo(TimingMode.REQUEST_RATE);
        }

        @Test
        void onlyTheFirstLineIsParsed() throws IOException {
            String trace = file("t.jsonl", "{\"timestamp\": 0, \"input_length\": 1}\nthis is not json\n");
            assertThat(m("--input-file", trace, "--custom-dataset-type", "mooncake_trace").load().mode())
                    .isEqualTo(TimingMode.FIXED_SCHEDULE);
        }

        @Test
        void aMalformedFirstLineIsAUsageErrorWithFileAndLine() throws IOException {
            String trace = file("bad.jsonl", "{\"timestamp\": 0,\n{\"timestamp\": 1}\n");
            rejects("--input-file", trace, "--custom-dataset-type", "mooncake_trace")
                    .hasMessageStartingWith(trace + ":1: ");
            String array = file("array.jsonl", "[1, 2]\n");
            rejects("--input-file", array).hasMessageStartingWith(array + ":1: ")
                    .hasMessageContaining("JSON object");
        }

        @Test
        void aFixedScheduleWinsOverUserCentricAndRate() throws IOException {
            String trace = file("t.jsonl", "{\"timestamp\": 0}\n");
            assertThat(m("--input-file", trace, "--fixed-schedule", "--request-rate", "5").load().mode())
                    .isEqualTo(TimingMode.FIXED_SCHEDULE);
        }
    }

    @Nested
    class UserCentric {

        @Test
        void userCentricRateWithUsersAndMultiTurnSessions() {
            BenchmarkConfig c = m("--user-centric-rate", "2", "--num-users", "8", "--session-turns-mean", "3",
                    "--num-sessions", "16");
            LoadConfig load = c.load();
            assertThat(load.mode()).isEqualTo(TimingMode.USER_CENTRIC_RATE);
            assertThat(load.userCentric()).isEqualTo(new LoadConfig.UserCentric(2.0, 8));
            assertThat(load.profiling().requestRate()).isEqualTo(2.0);
            assertThat(load.profiling().concurrency()).isNull();
            assertThat(load.profiling().numSessions()).isEqualTo(16);
            assertThat(load.profiling().requestCount()).as("no default count in this mode").isNull();
            assertThat(load.profiling().gracePeriodS()).isEqualTo(30.0);
            assertThat(runDir(c)).isEqualTo("m-openai-chat-user_centric-users8-qps2.0");
        }

        @Test
        void aDurationBoundUserCentricRunWaitsForEveryResponseByDefault() {
            assertThat(m("--user-centric-rate", "1.5", "--num-users", "2", "--session-turns-mean", "2",
                    "--benchmark-duration", "60").load().profiling().gracePeriodS()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(m("--user-centric-rate", "1.5", "--num-users", "2", "--session-turns-mean", "2",
                    "--benchmark-duration", "60", "--benchmark-grace-period", "5").load().profiling().gracePeriodS())
                    .isEqualTo(5.0);
        }

        @Test
        void userCentricWinsOverTheBurstDefault() {
            assertThat(m("--user-centric-rate", "4", "--num-users", "2", "--conversation-turn-mean", "2",
                    "--request-count", "40", "--concurrency", "2").load().mode()).isEqualTo(TimingMode.USER_CENTRIC_RATE);
        }
    }

    @Nested
    class Warmup {

        @Test
        void anyWarmupStopConditionCreatesTheWarmupPhase() {
            assertThat(m().load().warmup()).isNull();
            assertThat(m("--warmup-request-count", "5").load().warmup().requestCount()).isEqualTo(5);
            assertThat(m("--num-warmup-requests", "5").load().warmupRequestCount()).isEqualTo(5);
            assertThat(m("--warmup-duration", "10").load().warmup().durationS()).isEqualTo(10.0);
            assertThat(m("--num-warmup-sessions", "3").load().warmup().numSessions()).isEqualTo(3);
        }

        @Test
        void warmupFallsBackToTheProfilingShapeAndWaitsForEveryResponse() {
            PhaseLoad w = m("--request-rate", "8", "--arrival-pattern", "constant", "--concurrency", "4",
                    "--concurrency-ramp-duration", "2", "--request-rate-ramp-duration", "3",
                    "--warmup-request-count", "6").load().warmup();
            assertThat(w.pattern()).isEqualTo(ArrivalPattern.CONSTANT);
            assertThat(w.requestRate()).isEqualTo(8.0);
            assertThat(w.concurrency()).isEqualTo(4);
            assertThat(w.concurrencyRampS()).isEqualTo(2.0);
            assertThat(w.rateRampS()).isEqualTo(3.0);
            assertThat(w.gracePeriodS()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(w.requestCount()).isEqualTo(6);
            assertThat(w.durationS()).isNull();
        }

        @Test
        void warmupOptionsOverrideTheProfilingOnes() {
            PhaseLoad w = m("--request-rate", "8", "--concurrency", "4", "--streaming", "--prefill-concurrency", "2",
                    "--warmup-duration", "5", "--warmup-grace-period", "1", "--warmup-request-rate", "2",
                    "--warmup-arrival-pattern", "gamma", "--warmup-concurrency", "3", "--warmup-prefill-concurrency",
                    "1", "--warmup-request-rate-ramp-duration", "4", "--warmup-concurrency-ramp-duration", "6",
                    "--warmup-prefill-concurrency-ramp-duration", "7").load().warmup();
            assertThat(w.requestRate()).isEqualTo(2.0);
            assertThat(w.pattern()).isEqualTo(ArrivalPattern.GAMMA);
            assertThat(w.smoothness()).isEqualTo(1.0);
            assertThat(w.concurrency()).isEqualTo(3);
            assertThat(w.prefillConcurrency()).isEqualTo(1);
            assertThat(w.gracePeriodS()).isEqualTo(1.0);
            assertThat(w.rateRampS()).isEqualTo(4.0);
            assertThat(w.concurrencyRampS()).isEqualTo(6.0);
            assertThat(w.prefillRampS()).isEqualTo(7.0);
        }

        @Test
        void withoutAnyRateWarmupIsABurstAtTheProfilingConcurrency() {
            PhaseLoad w = m("--concurrency", "6", "--warmup-request-count", "12").load().warmup();
            assertThat(w.pattern()).isEqualTo(ArrivalPattern.CONCURRENCY_BURST);
            assertThat(w.requestRate()).isNull();
            assertThat(w.concurrency()).isEqualTo(6);
            assertThat(m("--warmup-request-count", "2").load().warmup().concurrency()).isEqualTo(1);
        }

        @Test
        void aWarmupRateOverABurstRunUsesTheDefaultPattern() {
            PhaseLoad w = m("--concurrency", "2", "--warmup-request-count", "4", "--warmup-request-rate", "5")
                    .load().warmup();
            assertThat(w.pattern()).isEqualTo(ArrivalPattern.POISSON);
            assertThat(w.requestRate()).isEqualTo(5.0);
            assertThat(w.concurrency()).isEqualTo(2);
        }

        @Test
        void warmupIsRatePacedEvenBeforeAFixedSchedule() throws IOException {
            String trace = file("t.jsonl", "{\"timestamp\": 0}\n{\"timestamp\": 3}\n");
            LoadConfig load = m("--input-file", trace, "--fixed-schedule", "--warmup-request-count", "2").load();
            assertThat(load.mode()).isEqualTo(TimingMode.FIXED_SCHEDULE);
            assertThat(load.warmup().pattern()).isEqualTo(ArrivalPattern.CONCURRENCY_BURST);
            assertThat(load.warmup().concurrency()).isEqualTo(1);
        }
    }

    @Nested
    class OtherOptions {

        @Test
        void cancellationRateAndDelay() {
            LoadConfig load = m("--request-cancellation-rate", "10").load();
            assertThat(load.cancellationRatePct()).isEqualTo(10.0);
            assertThat(load.cancellationDelayS()).isZero();
            assertThat(m("--request-cancellation-rate", "100", "--request-cancellation-delay", "0.5").load()
                    .cancellationDelayS()).isEqualTo(0.5);
        }

        @Test
        void conversationShapeDefaultsAndAliases() {
            assertThat(m().input().conversations()).isEqualTo(InputConfig.Conversations.SINGLE_TURN);
            InputConfig.Conversations a = m("--conversation-turn-mean", "3", "--conversation-turn-stddev", "1",
                    "--conversation-turn-delay-mean", "500", "--conversation-turn-delay-stddev", "50",
                    "--conversation-turn-delay-ratio", "0.5").input().conversations();
            InputConfig.Conversations b = m("--session-turns-mean", "3", "--session-turns-stddev", "1",
                    "--session-turn-delay-mean", "500", "--session-turn-delay-stddev", "50",
                    "--session-delay-ratio", "0.5").input().conversations();
            assertThat(a).isEqualTo(b).isEqualTo(new InputConfig.Conversations(3, 1, 500, 50, 0.5));
        }

        @Test
        void sessionCountAliases() {
            assertThat(m("--conversation-num", "12").load().profiling().numSessions()).isEqualTo(12);
            assertThat(m("--num-conversations", "12").load().profiling().numSessions()).isEqualTo(12);
            assertThat(m("--num-sessions", "12").load().profiling().numSessions()).isEqualTo(12);
        }

        @Test
        void datasetTypeAndSamplingStrategyAreCanonicalised() throws IOException {
            String data = file("d.jsonl", "{\"text\": \"hi\"}\n");
            InputConfig in = m("--input-file", data, "--custom-dataset-type", "Single-Turn",
                    "--dataset-sampling-strategy", "SHUFFLE").input();
            assertThat(in.customDatasetType()).isEqualTo("single_turn");
            assertThat(in.samplingStrategy()).isEqualTo("shuffle");
            assertThat(m().input().samplingStrategy()).isNull();
            assertThat(m().input().inputFile()).isNull();
        }

        @Test
        void aDirectoryIsAValidInputForARandomPool() throws IOException {
            Path pool = Files.createDirectory(tmp.resolve("pool"));
            Files.writeString(pool.resolve("a.jsonl"), "{\"text\": \"hi\"}\n");
            BenchmarkConfig c = m("--input-file", pool.toString(), "--custom-dataset-type", "random_pool");
            assertThat(c.load().mode()).isEqualTo(TimingMode.REQUEST_RATE);
            assertThat(c.input().inputFile()).isEqualTo(pool.toAbsolutePath().normalize().toString());
        }

        @Test
        void gracePeriodAcceptsPythonsInfinitySpellings() {
            for (String inf : new String[] {"inf", "INF", "Infinity", "+inf"}) {
                assertThat(m("--benchmark-duration", "1", "--benchmark-grace-period", inf).load().profiling()
                        .gracePeriodS()).as(inf).isEqualTo(Double.POSITIVE_INFINITY);
            }
            assertThat(m("--benchmark-duration", "1", "--benchmark-grace-period", "0").load().profiling()
                    .gracePeriodS()).isZero();
        }

        @Test
        void anInfiniteGracePeriodSurvivesTheTripToTheController() {
            BenchmarkConfig c = m("--benchmark-duration", "1", "--benchmark-grace-period", "inf",
                    "--warmup-duration", "1");
            Message decoded = MessageCodec.decode(MessageCodec.encode(new Message.StartRun(c)));
            assertThat(decoded).isEqualTo(new Message.StartRun(c));
        }
    }
}

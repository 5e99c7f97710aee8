package io.aiperf.cli.options;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.error.UsageException;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the Load Generator options (plus the input options that bear on timing) into a {@link LoadConfig}:
 * timing mode, AIPerf's defaults, and every rule AIPerf enforces on these options, checked in AIPerf's order so
 * that the first problem reported is the one AIPerf would report. See {@code docs/timing-modes.md}.
 */
final class LoadConfigResolver {

    static final double DEFAULT_GRACE_PERIOD_S = 30.0;
    static final long MIN_REQUEST_COUNT = 10;
    static final int REQUEST_COUNT_PER_CONCURRENCY = 2;

    /**
     * @param load     the resolved load
     * @param stimulus the load part of the run directory name ({@code concurrency4-request_rate20.0},
     *                 {@code fixed_schedule}, {@code user_centric-users8-qps2.0})
     */
    record Resolved(LoadConfig load, String stimulus) {
    }

    private final LoadOptions o;
    private final InputOptions in;
    private final InputSelection input;
    private final boolean streaming;

    // Values as resolved so far (AIPerf mutates its config in the same order).
    private TimingMode mode;
    private boolean fixedScheduleAuto;
    private Integer concurrency;
    private Long requestCount;
    private ArrivalPattern optionPattern;
    private ArrivalPattern profilingPattern;
    private double gracePeriod;

    private LoadConfigResolver(LoadOptions o, InputOptions in, InputSelection input, boolean streaming) {
        this.o = o;
        this.in = in;
        this.input = input;
        this.streaming = streaming;
    }

    static Resolved resolve(LoadOptions o, InputOptions in, InputSelection input, boolean streaming) {
        return new LoadConfigResolver(o, in, input, streaming).resolve();
    }

    private Resolved resolve() {
        checkRanges();
        resolveTimingMode();
        checkUsersHaveSessions();
        checkGracePeriods();
        checkCompanionOptions();
        checkStopConditionPairs();
        checkConcurrencyLimits();
        checkPrefillConcurrency();
        if (mode == TimingMode.FIXED_SCHEDULE && input.samplingStrategy() != null) {
            throw new UsageException("--dataset-sampling-strategy cannot be used with a fixed schedule (entries are "
                    + "sent in timestamp order)" + autoNote());
        }
        if (requestCount == null && in.numSessions == null && o.benchmarkDuration == null) {
            throw new UsageException("no stop condition: set --request-count, --num-sessions or --benchmark-duration");
        }
        LoadConfig load = new LoadConfig(mode, profilingPhase(), warmupPhase(), o.requestCancellationRate,
                o.requestCancellationDelay == null ? 0.0 : o.requestCancellationDelay,
                mode == TimingMode.USER_CENTRIC_RATE ? new LoadConfig.UserCentric(o.userCentricRate, o.numUsers) : null,
                mode == TimingMode.FIXED_SCHEDULE ? new LoadConfig.FixedSchedule(in.fixedScheduleAutoOffset,
                        in.fixedScheduleStartOffset, in.fixedScheduleEndOffset) : null);
        return new Resolved(load, stimulus());
    }

    /** Per-option ranges (AIPerf's field constraints), checked before any cross-option rule. */
    private void checkRanges() {
        OptionChecks.atLeastOrNull("--concurrency", o.concurrency, 1);
        OptionChecks.atLeastOrNull("--prefill-concurrency", o.prefillConcurrency, 1);
        OptionChecks.positiveOrNull("--request-rate", o.requestRate);
        optionPattern = pattern("--arrival-pattern", o.arrivalPattern);
        OptionChecks.positiveOrNull("--arrival-smoothness", o.arrivalSmoothness);
        OptionChecks.atLeastOrNull("--request-count", o.requestCount, 1);
        OptionChecks.positiveOrNull("--request-rate-ramp-duration", o.requestRateRampDuration);
        OptionChecks.positiveOrNull("--concurrency-ramp-duration", o.concurrencyRampDuration);
        OptionChecks.positiveOrNull("--prefill-concurrency-ramp-duration", o.prefillConcurrencyRampDuration);
        OptionChecks.positiveOrNull("--benchmark-duration", o.benchmarkDuration);
        OptionChecks.nonNegativeOrInfinite("--benchmark-grace-period", o.benchmarkGracePeriod);
        OptionChecks.atLeastOrNull("--warmup-request-count", o.warmupRequestCount, 1);
        OptionChecks.positiveOrNull("--warmup-duration", o.warmupDuration);
        OptionChecks.atLeastOrNull("--num-warmup-sessions", o.numWarmupSessions, 1);
        OptionChecks.atLeastOrNull("--warmup-concurrency", o.warmupConcurrency, 1);
        OptionChecks.atLeastOrNull("--warmup-prefill-concurrency", o.warmupPrefillConcurrency, 1);
        OptionChecks.positiveOrNull("--warmup-request-rate", o.warmupRequestRate);
        pattern("--warmup-arrival-pattern", o.warmupArrivalPattern);
        OptionChecks.nonNegativeOrInfinite("--warmup-grace-period", o.warmupGracePeriod);
        OptionChecks.positiveOrNull("--warmup-request-rate-ramp-duration", o.warmupRequestRateRampDuration);
        OptionChecks.positiveOrNull("--warmup-concurrency-ramp-duration", o.warmupConcurrencyRampDuration);
        OptionChecks.positiveOrNull("--warmup-prefill-concurrency-ramp-duration",
                o.warmupPrefillConcurrencyRampDuration);
        if (o.requestCancellationRate != null
                && !(o.requestCancellationRate > 0 && o.requestCancellationRate <= 100)) {
            throw new UsageException("--request-cancellation-rate is a percentage in (0, 100] (got "
                    + PythonFloat.repr(o.requestCancellationRate) + ")");
        }
        if (o.requestCancellationDelay != null) {
            OptionChecks.nonNegative("--request-cancellation-delay", o.requestCancellationDelay);
        }
        OptionChecks.positiveOrNull("--user-centric-rate", o.userCentricRate);
        OptionChecks.atLeastOrNull("--num-users", o.numUsers, 1);
        concurrency = o.concurrency;
        requestCount = o.requestCount;
    }

    private static ArrivalPattern pattern(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return ArrivalPattern.fromCli(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /** AIPerf's mode resolution with the defaults each mode brings. */
    private void resolveTimingMode() {
        TimingModeResolver.Decision decision = TimingModeResolver.resolve(in, input, o);
        mode = decision.mode();
        fixedScheduleAuto = decision.autoDetected();
        gracePeriod = o.benchmarkGracePeriod != null ? o.benchmarkGracePeriod : DEFAULT_GRACE_PERIOD_S;
        switch (mode) {
            case FIXED_SCHEDULE -> {
                if (input.isDirectory()) {
                    throw new UsageException("--fixed-schedule needs a trace file, not a directory: " + input.file());
                }
                if (requestCount == null && in.numSessions == null) {
                    long entries = TimingModeResolver.scheduleEntries(input);
                    if (entries == 0) {
                        throw new UsageException("--input-file " + input.file() + " has no entries to schedule");
                    }
                    requestCount = entries;
                }
                profilingPattern = ArrivalPattern.CONCURRENCY_BURST;
            }
            case USER_CENTRIC_RATE -> {
                if (o.numUsers == null) {
                    throw new UsageException("--user-centric-rate needs --num-users");
                }
                if (o.requestRate != null || o.arrivalPattern != null) {
                    throw new UsageException("--user-centric-rate cannot be combined with --request-rate or "
                            + "--arrival-pattern (it paces each user itself)");
                }
                if (o.benchmarkDuration != null && o.benchmarkGracePeriod == null) {
                    gracePeriod = Double.POSITIVE_INFINITY; // like LMBenchmark: wait for every response
                }
                if (in.turnMean < 2) {
                    throw new UsageException("--user-centric-rate needs multi-turn conversations "
                            + "(--session-turns-mean >= 2, got " + in.turnMean + "); for single-turn load use "
                            + "--request-rate");
                }
                profilingPattern = ArrivalPattern.CONSTANT;
            }
            case REQUEST_RATE -> {
                if (o.requestRate != null) {
                    if (optionPattern == ArrivalPattern.CONCURRENCY_BURST) {
                        throw new UsageException("--arrival-pattern concurrency_burst cannot be used with "
                                + "--request-rate (a burst has no rate); choose constant, poisson or gamma");
                    }
                    if (noStopConditionGiven()) {
                        requestCount = MIN_REQUEST_COUNT;
                    }
                } else {
                    if (concurrency == null && o.prefillConcurrency == null) {
                        concurrency = 1;
                    }
                    if (noStopConditionGiven()) {
                        int effective = concurrency != null ? concurrency : o.prefillConcurrency;
                        requestCount = Math.max(MIN_REQUEST_COUNT, (long) REQUEST_COUNT_PER_CONCURRENCY * effective);
                    }
                    profilingPattern = ArrivalPattern.CONCURRENCY_BURST;
                }
            }
        }
        if (o.arrivalSmoothness != null) {
            if (o.requestRate == null) {
                throw new UsageException("--arrival-smoothness shapes --request-rate arrivals; add --request-rate "
                        + "or remove --arrival-smoothness");
            }
            if (optionPattern == null) {
                optionPattern = ArrivalPattern.GAMMA;
            } else if (optionPattern != ArrivalPattern.GAMMA) {
                throw new UsageException("--arrival-smoothness can only be used with --arrival-pattern gamma (got "
                        + optionPattern.cliName() + ")");
            }
        }
        if (optionPattern == null) {
            optionPattern = ArrivalPattern.POISSON;
        }
        if (mode == TimingMode.REQUEST_RATE && o.requestRate != null) {
            profilingPattern = optionPattern;
        }
    }

    private boolean noStopConditionGiven() {
        return requestCount == null && in.numSessions == null && o.benchmarkDuration == null;
    }

    /** Every user needs a session and a request. (Outside user-centric mode --num-users is refused below.) */
    private void checkUsersHaveSessions() {
        if (o.numUsers == null || o.userCentricRate == null) {
            return;
        }
        if (in.numSessions != null && in.numSessions < o.numUsers) {
            throw new UsageException("--num-sessions (" + in.numSessions + ") cannot be less than --num-users ("
                    + o.numUsers + "): every user needs a session");
        }
        if (requestCount != null && requestCount < o.numUsers) {
            String what = o.requestCount != null ? "--request-count (" + requestCount + ")"
                    : "the default request count (" + requestCount + ")";
            throw new UsageException(what + " cannot be less than --num-users (" + o.numUsers
                    + "): every user needs a request");
        }
    }

    private void checkGracePeriods() {
        if (o.benchmarkGracePeriod != null && o.benchmarkDuration == null) {
            throw new UsageException("--benchmark-grace-period only applies to a duration-bounded run; add "
                    + "--benchmark-duration or remove --benchmark-grace-period");
        }
        if (o.warmupGracePeriod != null && o.warmupDuration == null) {
            throw new UsageException("--warmup-grace-period only applies with --warmup-duration; add "
                    + "--warmup-duration or remove --warmup-grace-period");
        }
    }

    /** Options that mean nothing without a companion; AIPerf refuses them rather than ignore them. */
    private void checkCompanionOptions() {
        if (o.numUsers != null && o.userCentricRate == null) {
            throw new UsageException("--num-users can only be used with --user-centric-rate; add "
                    + "--user-centric-rate or remove --num-users");
        }
        if (o.requestCancellationDelay != null && o.requestCancellationRate == null) {
            throw new UsageException("--request-cancellation-delay can only be used with --request-cancellation-rate; "
                    + "add --request-cancellation-rate or remove --request-cancellation-delay");
        }
        List<String> fixedOptions = new ArrayList<>();
        if (in.fixedScheduleAutoOffset) {
            fixedOptions.add("--fixed-schedule-auto-offset");
        }
        if (in.fixedScheduleStartOffset != null) {
            fixedOptions.add("--fixed-schedule-start-offset");
        }
        if (in.fixedScheduleEndOffset != null) {
            fixedOptions.add("--fixed-schedule-end-offset");
        }
        if (!fixedOptions.isEmpty() && mode != TimingMode.FIXED_SCHEDULE) {
            throw new UsageException(String.join(", ", fixedOptions) + " can only be used with --fixed-schedule; "
                    + "add --fixed-schedule or remove " + (fixedOptions.size() == 1 ? "it" : "them"));
        }
        if (o.requestRateRampDuration != null && mode != TimingMode.REQUEST_RATE) {
            throw new UsageException("--request-rate-ramp-duration can only be used with request-rate timing, not "
                    + (mode == TimingMode.FIXED_SCHEDULE ? "a fixed schedule" + autoNote() : "--user-centric-rate"));
        }
    }

    private void checkStopConditionPairs() {
        if (requestCount != null && in.numSessions != null) {
            throw new UsageException("--request-count and --num-sessions cannot be used together; choose one stop "
                    + "condition");
        }
        if (o.warmupRequestCount != null && o.numWarmupSessions != null) {
            throw new UsageException("--warmup-request-count and --num-warmup-sessions cannot be used together; "
                    + "choose one");
        }
    }

    private void checkConcurrencyLimits() {
        if (concurrency == null) {
            return;
        }
        if (in.numSessions != null) {
            if (concurrency > in.numSessions) {
                throw new UsageException("--concurrency (" + concurrency + ") must not exceed --num-sessions ("
                        + in.numSessions + "); lower --concurrency or raise --num-sessions");
            }
        } else if (requestCount != null && concurrency > requestCount) {
            String what = o.requestCount != null ? "--request-count (" + requestCount + ")"
                    : "the request count (" + requestCount + (mode == TimingMode.FIXED_SCHEDULE
                    ? ", the entries of --input-file)" : ", the default)");
            throw new UsageException("--concurrency (" + concurrency + ") must not exceed " + what
                    + "; lower --concurrency or raise --request-count");
        }
    }

    private void checkPrefillConcurrency() {
        if (o.prefillConcurrency == null && o.warmupPrefillConcurrency == null) {
            return;
        }
        if (!streaming) {
            String option = o.prefillConcurrency != null ? "--prefill-concurrency" : "--warmup-prefill-concurrency";
            throw new UsageException(option + " needs --streaming (the prefill slot is released by the first "
                    + "streamed token)");
        }
        if (o.prefillConcurrency != null && concurrency != null && o.prefillConcurrency > concurrency) {
            throw new UsageException("--prefill-concurrency (" + o.prefillConcurrency + ") cannot be greater than "
                    + "--concurrency (" + concurrency + ")");
        }
        if (o.warmupPrefillConcurrency != null) {
            Integer warmupConcurrency = o.warmupConcurrency != null ? o.warmupConcurrency : concurrency;
            if (warmupConcurrency != null && o.warmupPrefillConcurrency > warmupConcurrency) {
                throw new UsageException("--warmup-prefill-concurrency (" + o.warmupPrefillConcurrency
                        + ") cannot be greater than the warmup concurrency (" + warmupConcurrency
                        + (o.warmupConcurrency != null ? ", --warmup-concurrency)" : ", --concurrency)"));
            }
        }
    }

    private PhaseLoad profilingPhase() {
        Double rate = switch (mode) {
            case REQUEST_RATE -> o.requestRate;
            case USER_CENTRIC_RATE -> o.userCentricRate;
            case FIXED_SCHEDULE -> null;
        };
        double smoothness = profilingPattern == ArrivalPattern.GAMMA && o.arrivalSmoothness != null
                ? o.arrivalSmoothness : 1.0;
        return new PhaseLoad(profilingPattern, rate, smoothness, concurrency, o.prefillConcurrency, requestCount,
                in.numSessions, o.benchmarkDuration, gracePeriod,
                mode == TimingMode.REQUEST_RATE && rate != null ? o.requestRateRampDuration : null,
                o.concurrencyRampDuration, o.prefillConcurrencyRampDuration);
    }

    /**
     * The warmup phase, present when a warmup stop condition is set. It is always rate-paced or a burst, whatever
     * the profiling mode; each unset warmup option falls back to its profiling counterpart.
     */
    private PhaseLoad warmupPhase() {
        if (o.warmupRequestCount == null && o.warmupDuration == null && o.numWarmupSessions == null) {
            return null;
        }
        Double rate = o.warmupRequestRate != null ? o.warmupRequestRate : o.requestRate;
        Integer warmupConcurrency = o.warmupConcurrency != null ? o.warmupConcurrency : concurrency;
        Integer prefill = o.warmupPrefillConcurrency != null ? o.warmupPrefillConcurrency : o.prefillConcurrency;
        ArrivalPattern pattern;
        if (rate == null) {
            pattern = ArrivalPattern.CONCURRENCY_BURST;
            if (warmupConcurrency == null && prefill == null) {
                warmupConcurrency = 1;
            }
        } else {
            ArrivalPattern explicit = pattern("--warmup-arrival-pattern", o.warmupArrivalPattern);
            pattern = explicit != null ? explicit : optionPattern;
            if (pattern == ArrivalPattern.CONCURRENCY_BURST) {
                throw new UsageException((explicit != null ? "--warmup-arrival-pattern" : "--arrival-pattern")
                        + " concurrency_burst cannot pace a warmup request rate; choose constant, poisson or gamma");
            }
        }
        double smoothness = pattern == ArrivalPattern.GAMMA && o.arrivalSmoothness != null ? o.arrivalSmoothness : 1.0;
        double grace = o.warmupGracePeriod != null ? o.warmupGracePeriod : Double.POSITIVE_INFINITY;
        Double rateRamp = rate == null ? null
                : firstNonNull(o.warmupRequestRateRampDuration, o.requestRateRampDuration);
        return new PhaseLoad(pattern, rate, smoothness, warmupConcurrency, prefill, o.warmupRequestCount,
                o.numWarmupSessions, o.warmupDuration, grace, rateRamp,
                firstNonNull(o.warmupConcurrencyRampDuration, o.concurrencyRampDuration),
                firstNonNull(o.warmupPrefillConcurrencyRampDuration, o.prefillConcurrencyRampDuration));
    }

    private static Double firstNonNull(Double a, Double b) {
        return a != null ? a : b;
    }

    /** AIPerf's stimulus part of the run directory name. */
    private String stimulus() {
        return switch (mode) {
            case FIXED_SCHEDULE -> "fixed_schedule";
            case USER_CENTRIC_RATE -> "user_centric-users" + o.numUsers + "-qps" + PythonFloat.repr(o.userCentricRate);
            case REQUEST_RATE -> {
                List<String> parts = new ArrayList<>();
                if (concurrency != null) {
                    parts.add("concurrency" + concurrency);
                }
                if (o.requestRate != null) {
                    parts.add("request_rate" + PythonFloat.repr(o.requestRate));
                }
                yield String.join("-", parts);
            }
        };
    }

    private String autoNote() {
        return fixedScheduleAuto ? " (switched on because the first entry of --input-file has a timestamp)" : "";
    }
}

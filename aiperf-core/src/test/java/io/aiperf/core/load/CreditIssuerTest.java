package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.model.CreditPhase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The timing mode is resolved once, here; these are its rules. */
class CreditIssuerTest {

    private static final PhaseLoad PACED = IssuerFixture.load(ArrivalPattern.POISSON, 10.0, null, 10L, null);
    private static final PhaseLoad NO_RATE = IssuerFixture.load(ArrivalPattern.POISSON, null, 2, 10L, null);
    private static final PhaseLoad BURST = IssuerFixture.load(ArrivalPattern.CONCURRENCY_BURST, null, 2, 10L, null);

    private static CreditIssuer issuer(CreditPhase phase, TimingMode mode, PhaseLoad load) {
        LoadConfig config = new LoadConfig(mode, load, null, null, 0.0, new LoadConfig.UserCentric(2.0, 4), null);
        IssuerFixture f = new IssuerFixture(load, IssuerFixture.conversations(1), 1);
        return CreditIssuer.forPhase(phase, mode, load, config, 1, f.dispatcher, SendAhead.exactly(0));
    }

    @Test
    void aRateWithAPatternIsPaced() {
        assertThat(issuer(CreditPhase.PROFILING, TimingMode.REQUEST_RATE, PACED)).isInstanceOf(RateIssuer.class);
    }

    @Test
    void withoutARateOrWithTheBurstPatternItIsABurst() {
        assertThat(issuer(CreditPhase.PROFILING, TimingMode.REQUEST_RATE, NO_RATE)).isInstanceOf(BurstIssuer.class);
        assertThat(issuer(CreditPhase.PROFILING, TimingMode.REQUEST_RATE, BURST)).isInstanceOf(BurstIssuer.class);
    }

    @Test
    void theScheduleAndTheUsersHaveTheirOwnIssuers() {
        assertThat(issuer(CreditPhase.PROFILING, TimingMode.FIXED_SCHEDULE, BURST))
                .isInstanceOf(FixedScheduleIssuer.class);
        assertThat(issuer(CreditPhase.PROFILING, TimingMode.USER_CENTRIC_RATE, BURST))
                .isInstanceOf(UserCentricIssuer.class);
    }

    @Test
    void warmupOfAFixedScheduleRunsAtItsOwnRate() {
        assertThat(issuer(CreditPhase.WARMUP, TimingMode.FIXED_SCHEDULE, PACED)).isInstanceOf(RateIssuer.class);
        assertThat(issuer(CreditPhase.WARMUP, TimingMode.FIXED_SCHEDULE, BURST)).isInstanceOf(BurstIssuer.class);
    }
}

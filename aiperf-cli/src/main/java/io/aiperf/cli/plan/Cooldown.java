package io.aiperf.cli.plan;

import io.aiperf.cli.ExitCodes;
import io.aiperf.cli.SignalSupport;

/**
 * The pause between two runs ({@code --profile-run-cooldown-seconds}). No run owns the terminal's signals then, so
 * the pause takes Ctrl-C and SIGTERM itself: either ends the pause and the plan, with the signal's exit status.
 */
public class Cooldown {

    /** @return {@link ExitCodes#OK} after the full pause, or the exit status of the signal that cut it short */
    public int pause(double seconds) {
        if (seconds <= 0) {
            return ExitCodes.OK;
        }
        Thread sleeper = Thread.currentThread();
        int[] stoppedBy = {ExitCodes.OK};
        SignalSupport.onInterrupt(() -> {
            stoppedBy[0] = ExitCodes.INTERRUPTED;
            sleeper.interrupt();
        });
        SignalSupport.onTerminate(() -> {
            stoppedBy[0] = ExitCodes.TERMINATED;
            sleeper.interrupt();
        });
        try {
            Thread.sleep(Math.round(seconds * 1000));
        } catch (InterruptedException e) {
            return stoppedBy[0] == ExitCodes.OK ? ExitCodes.INTERRUPTED : stoppedBy[0];
        }
        return stoppedBy[0];
    }
}

/**
 * The load engine: when each credit of a phase goes out, to which worker, and when the phase is done.
 *
 * <p><b>Thread.</b> Everything here runs on the controller thread, driven by {@code PhaseDriver}: it passes the
 * clock into every call ({@code issueDue(now)}, {@code nextWakeNs(now)}, returns, first tokens), so no class reads a
 * clock or sleeps, and tests drive them with made-up times.
 *
 * <p><b>Classes.</b>
 * <ul>
 *   <li>{@link io.aiperf.core.load.LoadPhase}: what the controller drives; holds the stop latch and return counts.</li>
 *   <li>{@code CreditIssuer}: when credits are due, one per timing mode, chosen once by {@code CreditIssuer.forPhase}:
 *       {@code RateIssuer} (arrival ticks), {@code BurstIssuer} (whenever a slot is free),
 *       {@code FixedScheduleIssuer} (trace offsets), {@code UserCentricIssuer} (users on fixed gaps).</li>
 *   <li>{@code SessionDispatcher}: opens sessions and sends their turns as credits for every issuer, through the
 *       shared rules: {@code StopConditions}, {@code SlotLimits} (each limit a {@code RampedLimit}),
 *       {@code WorkerRouter}, {@code CancellationPolicy}, {@code InFlightCredits}.</li>
 *   <li>{@code Session} (a conversation in progress), {@code DueQueue} (sessions waiting for a time),
 *       {@link io.aiperf.core.load.Dispatch} (workers, URLs, dispatch lead).</li>
 *   <li>{@link io.aiperf.core.load.ArrivalSchedule} and {@link io.aiperf.core.load.RateRamp}: the rate mode's
 *       arrival offsets.</li>
 * </ul>
 *
 * <p><b>Absolute schedules.</b> An {@code ArrivalSchedule} yields each arrival as an offset from the phase start:
 * from the index for a constant rate, from the cumulative sum of seeded draws for poisson and gamma; {@code RateRamp}
 * supplies the rate in force during a ramp. Nothing sleeps a relative interval, so waking late for one arrival never
 * pushes the next one later.
 *
 * <p><b>Who waits for the deadline.</b> Not this thread: the controller sends a scheduled credit ahead of its
 * intended time ({@link io.aiperf.core.load.SendAhead}: a pass starts when the earliest credit is 10 ms away and takes
 * every credit of the next 20 ms), and the worker's event loop fires the send at the intended instant (Netty's timer,
 * then acquire and write on the same loop). The controller only needs millisecond precision to stay inside that lead,
 * and wakes once per 10 ms of schedule rather than once per credit.
 *
 * <p><b>Allocation.</b> None per arrival: schedules keep primitive state, and the random streams (arrival gaps,
 * cancellation draws) are created once per phase from {@code --random-seed} and the phase's stream name, so adding
 * an option never changes another stream. Per credit: the {@code Credit} record and its in-flight entry; per later
 * turn or user slot, one queue entry; per session, one {@code Session} and its correlation id.
 */
package io.aiperf.core.load;

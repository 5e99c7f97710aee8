/**
 * When credits are due. Runs on the controller's bus thread.
 *
 * <p><b>Absolute schedules.</b> An {@link io.aiperf.core.load.ArrivalSchedule} yields each arrival as an offset
 * from the phase start: from the index for a constant rate, from the cumulative sum of seeded draws for poisson and
 * gamma; {@link io.aiperf.core.load.RateRamp} supplies the rate in force during a ramp. Nothing sleeps a relative
 * interval, so waking late for one arrival never pushes the next one later.
 *
 * <p><b>Who waits for the deadline.</b> Not this thread: the controller sends a scheduled credit 10 ms before its
 * intended time, and the worker's event loop fires the send at the intended instant (Netty's timer, then acquire
 * and write on the same loop). The controller only needs millisecond precision to stay inside that lead.
 *
 * <p><b>Allocation.</b> None per arrival: schedules keep primitive state; the random streams are created once per
 * phase from {@code --random-seed} and the phase's stream name, so adding an option never changes another stream.
 */
package io.aiperf.core.load;

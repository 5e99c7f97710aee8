/**
 * When credits go out. Hot package: it runs on the controller's bus thread, between socket polls.
 *
 * <p><b>Absolute schedules.</b> An {@link io.aiperf.cli.timing.ArrivalSchedule} yields each arrival as an offset
 * from the phase start: from the index for a constant rate, from the cumulative sum of seeded draws for poisson and
 * gamma. Nothing sleeps a relative interval, so waiting late for one arrival never pushes the next one later.
 *
 * <p><b>Waiting.</b> {@link io.aiperf.cli.timing.DeadlineWaiter} parks until shortly before a deadline, then spins
 * on {@code System.nanoTime()}; the caller keeps polling its sockets in between, so returns are never delayed by a
 * wait.
 *
 * <p><b>Allocation.</b> None per arrival: schedules keep primitive state; the random streams are created once per
 * phase from {@code --random-seed} and a stream name, so adding an option never changes another stream.
 *
 * <p><b>Clock.</b> {@link io.aiperf.cli.timing.NanoClock} is injected so tests prove exact fire times without
 * sleeping.
 */
package io.aiperf.cli.timing;

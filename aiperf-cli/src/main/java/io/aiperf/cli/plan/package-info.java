/**
 * Benchmarks made of several runs, each one command: a sweep over {@code --concurrency}/{@code --request-rate}
 * lists ({@link io.aiperf.cli.plan.SweepAxis}), repeated runs for confidence intervals ({@code --num-profile-runs})
 * and cache rounds ({@code --rounds}) ({@link io.aiperf.cli.plan.RepeatedRuns}). {@link io.aiperf.cli.plan.ProfilePlan}
 * lays the runs out in folders and runs them one after another, each a complete {@code aiperf profile} run of its
 * own (its JVMs, its exports) through a {@link io.aiperf.cli.plan.RunLauncher}; then the analysis of
 * {@code io.aiperf.records.runs} writes the aggregate, the sweep summary or the round comparison from the runs'
 * own exports. Everything here runs on the CLI's main thread, between runs; nothing is on a request path.
 */
package io.aiperf.cli.plan;

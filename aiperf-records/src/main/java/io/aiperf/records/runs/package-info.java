/**
 * What a plan of several profile runs writes after its runs: the multi-run confidence aggregate
 * ({@link io.aiperf.records.runs.MultiRunAggregate}, AIPerf's {@code profile_export_aiperf_aggregate.json}), the sweep
 * summary ({@link io.aiperf.records.runs.SweepSummary}), the comparison of rounds
 * ({@link io.aiperf.records.runs.RoundComparison}) and the two-directory comparison behind {@code aiperf compare}
 * ({@link io.aiperf.records.runs.RunComparison}). All of it reads only the {@code profile_export_aiperf.json} each run
 * already wrote (through {@link io.aiperf.records.runs.RunSummaryFile}), so it works the same on a plan that just
 * finished and on artifact directories copied from another machine. The CLI's run orchestration calls the exporters;
 * the classes are stateless.
 */
package io.aiperf.records.runs;

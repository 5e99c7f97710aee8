/**
 * {@code aiperf sweep --config sweep.yaml} (ours): a YAML file of {@code aiperf profile} options applied to every
 * point and of lists whose combinations are the points. {@link io.aiperf.cli.sweep.SweepFileParser} reads and checks
 * the file (every error names the file and line), {@link io.aiperf.cli.sweep.SweepExpansion} turns it into the
 * points with their folders and arguments, and {@link io.aiperf.cli.sweep.SweepCommand} (registered under
 * {@code AiperfMain}) checks every point up front, then runs them one after another in this JVM.
 */
package io.aiperf.cli.sweep;

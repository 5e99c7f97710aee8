/**
 * {@code aiperf plot}: finds the runs under the directories it is given ({@link io.aiperf.ui.report.ReportInputs},
 * by their files, not their folder names), reads each one's exports ({@link io.aiperf.ui.report.RunData},
 * {@link io.aiperf.ui.report.MultiRun}), decides which charts those inputs allow
 * ({@link io.aiperf.ui.report.ReportCharts}) as renderer-neutral {@link io.aiperf.ui.report.ChartSpec}s, and draws
 * them twice: one self-contained HTML page with ECharts inlined ({@link io.aiperf.ui.report.HtmlReport}) and one PNG
 * per chart with JFreeChart ({@link io.aiperf.ui.report.PngCharts}). {@link io.aiperf.ui.report.Report} is the one
 * entry, called by the CLI's {@code plot} command and after a sweep; it runs in the CLI JVM only, after the run.
 */
package io.aiperf.ui.report;

/**
 * The run's artifacts and console tables, AIPerf-compatible:
 * {@link io.aiperf.records.export.JsonlRecordWriter} ({@code profile_export.jsonl}, streamed per request),
 * {@link io.aiperf.records.export.SummaryJsonExporter} ({@code profile_export_aiperf.json}),
 * {@link io.aiperf.records.export.SummaryCsvExporter} ({@code profile_export_aiperf.csv}) and
 * {@link io.aiperf.records.export.ConsoleTableRenderer} (plain text, no ANSI). File names are in
 * {@link io.aiperf.records.export.ExportFiles}.
 *
 * <p>Threading: the JSONL writer is single-writer; the summary exporters are stateless.
 */
package io.aiperf.records.export;

/**
 * Offline trace tools: {@code aiperf analyze-trace} (what a mooncake trace asks of a server),
 * {@code aiperf synthesize-sine} (a trace whose load follows a sine) and {@code aiperf convert-burstgpt} (BurstGPT CSV
 * to a mooncake trace). None of them talks to a server; each reads or writes files only.
 */
package io.aiperf.cli.tools;

/**
 * What the user sees while a run goes on. Everything here renders from immutable messages and snapshots of
 * {@code aiperf-core}; it never reaches into the worker or records internals. Step 1 prints plain lines for every
 * {@code --ui-type}; the Lanterna dashboard arrives with step 5.
 */
package io.aiperf.ui;

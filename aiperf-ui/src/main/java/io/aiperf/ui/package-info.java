/**
 * What the user sees while a run goes on. Everything here renders from the immutable progress messages of
 * {@code aiperf-core} that the controller publishes (requests, and the records manager's count); it never reaches
 * into a service. Today that is plain lines for every {@code --ui-type}; the Lanterna dashboard is step 8, and the
 * module takes the Lanterna dependency then, not before.
 */
package io.aiperf.ui;

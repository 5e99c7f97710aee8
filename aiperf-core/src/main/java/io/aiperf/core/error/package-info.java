/**
 * Failures a user sees: {@link io.aiperf.core.error.AiperfException} is the root of every one of them
 * ({@link io.aiperf.core.error.UsageException} for the command line), and {@link io.aiperf.core.error.OneLine} is the
 * one helper that turns any failure into the single line shown. Which exit code a failure gets is decided in one
 * place only, the CLI's {@code ExitCodes}.
 */
package io.aiperf.core.error;

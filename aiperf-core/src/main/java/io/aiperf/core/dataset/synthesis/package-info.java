/**
 * Trace synthesis ({@code --synthesis-*}): a prefix tree over the rows' {@code hash_ids} finds what rows share, and
 * {@link io.aiperf.core.dataset.synthesis.TraceSynthesizer} stretches or shrinks the shared prefixes and the unique
 * remainders, copies the tree, scales timestamps and renumbers the hash ids. The file dataset loader calls it for
 * trace formats after reading and filtering the rows and before any prompt is made.
 */
package io.aiperf.core.dataset.synthesis;

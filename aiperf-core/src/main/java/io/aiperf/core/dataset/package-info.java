/**
 * Synthetic input: the prompt corpus and its token pool ({@link io.aiperf.core.dataset.PromptCorpus}), named random
 * streams derived from {@code --random-seed} ({@link io.aiperf.core.dataset.RandomStreams}), exact-length prompts
 * ({@link io.aiperf.core.dataset.SyntheticPromptGenerator}), the dataset of conversations
 * ({@link io.aiperf.core.dataset.SyntheticDataset}), the sampler that hands them out
 * ({@link io.aiperf.core.dataset.DatasetSampler}) and the {@code inputs.json} writer
 * ({@link io.aiperf.core.dataset.InputsJsonWriter}).
 */
package io.aiperf.core.dataset;

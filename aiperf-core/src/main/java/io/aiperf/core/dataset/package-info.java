/**
 * The run's input: the prompt corpus and its token pool ({@link io.aiperf.core.dataset.PromptCorpus}), named random
 * streams derived from {@code --random-seed} ({@link io.aiperf.core.dataset.RandomStreams}), exact-length prompts
 * ({@link io.aiperf.core.dataset.SyntheticPromptGenerator}), synthetic single- and multi-turn conversations
 * ({@link io.aiperf.core.dataset.SyntheticDataset}), the facade that picks synthetic or file data
 * ({@link io.aiperf.core.dataset.InputDataset}; file formats live in {@code io.aiperf.core.dataset.file}, public
 * datasets such as ShareGPT in {@code io.aiperf.core.dataset.publicdata}), the
 * fixed-schedule send plan ({@link io.aiperf.core.dataset.FixedSchedulePlan}), the sampler that hands conversations
 * out ({@link io.aiperf.core.dataset.DatasetSampler}) and the {@code inputs.json} writer
 * ({@link io.aiperf.core.dataset.InputsJsonWriter}).
 */
package io.aiperf.core.dataset;

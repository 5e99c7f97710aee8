/**
 * Files from the Hugging Face hub (or a mirror named by {@code HF_ENDPOINT}): the settings read from the environment
 * ({@link io.aiperf.core.hub.HubSettings}) and a streaming, atomic downloader ({@link io.aiperf.core.hub.HubDownload})
 * shared by the public datasets and the tokenizer loader.
 */
package io.aiperf.core.hub;

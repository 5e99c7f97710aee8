/**
 * Public datasets ({@code --public-dataset}) fetched from the Hugging Face hub: for now ShareGPT
 * ({@link io.aiperf.core.dataset.publicdata.ShareGptLoader}), its file location and download
 * ({@link io.aiperf.core.dataset.publicdata.ShareGptSource}), a streaming reader and vLLM's length filter. See
 * {@code docs/input-sharegpt.md}.
 */
package io.aiperf.core.dataset.publicdata;

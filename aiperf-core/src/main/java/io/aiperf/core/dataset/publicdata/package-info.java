/**
 * Public datasets ({@code --public-dataset}), named as AIPerf names them in {@link
 * io.aiperf.core.dataset.publicdata.PublicDataset}: ShareGPT with its own loader, download and vLLM length filter
 * ({@link io.aiperf.core.dataset.publicdata.ShareGptLoader}); every other one read by the one row loader
 * ({@link io.aiperf.core.dataset.publicdata.HfRowsLoader}) as its {@link io.aiperf.core.dataset.publicdata.HfRowsSpec}
 * says, from {@code --public-dataset-path}, the cache or the hub's datasets-server. {@code InputDataset} calls them.
 * See {@code docs/input-sharegpt.md}.
 */
package io.aiperf.core.dataset.publicdata;

package io.aiperf.core.dataset.publicdata;

import io.aiperf.core.error.AiperfException;
import io.aiperf.core.error.OneLine;

/**
 * A public dataset cannot be obtained (download failed, no local copy). The message is one line naming what was
 * tried, why it failed and how to supply the file instead; it is meant to be printed as is.
 */
public final class PublicDatasetException extends AiperfException {

    private static final long serialVersionUID = 1L;

    public PublicDatasetException(String message) {
        super(OneLine.fold(message));
    }
}

package io.aiperf.core.dataset.publicdata;

/**
 * A public dataset cannot be obtained (download failed, no local copy). The message is one line naming what was
 * tried, why it failed and how to supply the file instead; it is meant to be printed as is.
 */
public final class PublicDatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublicDatasetException(String message) {
        super(message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
    }
}

package io.aiperf.core.config;

/**
 * How a request body is encoded ({@code --request-content-type}). Only {@code video_generation} can send a form:
 * its submit then carries the body's top-level fields as {@code multipart/form-data} fields.
 */
public enum RequestContentType {
    APPLICATION_JSON("application/json"),
    MULTIPART_FORM_DATA("multipart/form-data");

    private final String cliName;

    RequestContentType(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Read as {@link OptionValues} reads every option value. */
    public static RequestContentType fromCli(String value) {
        RequestContentType type = OptionValues.find(RequestContentType.class, RequestContentType::cliName, value);
        if (type == null) {
            throw new IllegalArgumentException("unknown request content type '" + value
                    + "' (expected application/json or multipart/form-data)");
        }
        return type;
    }
}

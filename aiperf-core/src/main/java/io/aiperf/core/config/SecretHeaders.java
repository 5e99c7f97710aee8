package io.aiperf.core.config;

import java.util.Locale;

/** Decides which header values are credentials and must never reach a log or an export. */
public final class SecretHeaders {

    private SecretHeaders() {
    }

    public static boolean isSecret(String headerName) {
        String n = headerName.toLowerCase(Locale.ROOT);
        return n.equals("authorization") || n.equals("proxy-authorization") || n.contains("api-key")
                || n.contains("apikey") || n.contains("token") || n.contains("secret") || n.equals("cookie");
    }
}

package io.aiperf.core.config;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void builtInSecretHeaderNamesAreCaseInsensitive() {
        for (String name : List.of("Authorization", "authorization", "PROXY-AUTHORIZATION", "Cookie", "set-cookie",
                "X-Api-Key", "x-apikey", "Api-Key", "X-Auth-Token", "X-Client-Secret", "X-Password")) {
            assertThat(Secrets.BUILT_IN.isSecretHeader(name)).as(name).isTrue();
        }
        for (String name : List.of("Content-Type", "X-Request-ID", "X-Tenant", "Accept")) {
            assertThat(Secrets.BUILT_IN.isSecretHeader(name)).as(name).isFalse();
        }
    }

    @Test
    void userMarkedHeadersAreSecretInAnyCase() {
        Secrets s = Secrets.of(null, Map.of(), List.of("X-Tenant"));
        assertThat(s.isSecretHeader("x-tenant")).isTrue();
        assertThat(s.isSecretHeader(" X-TENANT ")).isTrue();
        assertThat(s.isSecretHeader("X-Tenant-Name")).isFalse();
    }

    @Test
    void redactHeadersMasksOnlySecretOnesAndKeepsOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Plain", "1");
        headers.put("Authorization", "Bearer abcdef");
        headers.put("X-Tenant", "t-123456");
        Secrets s = Secrets.of(null, headers, List.of("x-tenant"));

        assertThat(s.redactHeaders(headers)).containsExactly(Map.entry("X-Plain", "1"),
                Map.entry("Authorization", "<redacted>"), Map.entry("X-Tenant", "<redacted>"));
    }

    @Test
    void maskReplacesTheApiKeySecretHeaderValuesAndBearerTokensAnywhere() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer tok-9876");
        headers.put("Cookie", "session=c00kie");
        headers.put("X-Plain", "not-secret-value");
        Secrets s = Secrets.of("sk-key-1234", headers, List.of());

        assertThat(s.mask("key sk-key-1234, auth 'Bearer tok-9876', token tok-9876 alone, cookie session=c00kie; "
                + "not-secret-value"))
                .isEqualTo("key <redacted>, auth '<redacted>', token <redacted> alone, cookie <redacted>; "
                        + "not-secret-value");
        assertThat(s.mask(null)).isNull();
    }

    @Test
    void aValueContainingAnotherIsMaskedWhole() {
        Secrets s = Secrets.of("abcd", Map.of("X-Api-Key", "abcdefgh"), List.of());
        assertThat(s.mask("abcdefgh and abcd")).isEqualTo("<redacted> and <redacted>");
    }

    @Test
    void tooShortValuesAreNotMaskedInFreeTextButStillRedactedByName() {
        Secrets s = Secrets.of("abc", Map.of("X-Api-Key", "xy"), List.of());
        assertThat(s.hasValues()).isFalse();
        assertThat(s.mask("abc xy")).isEqualTo("abc xy");
        assertThat(s.redactHeaders(Map.of("X-Api-Key", "xy"))).containsEntry("X-Api-Key", "<redacted>");
    }

    @Test
    void theRedactedConfigHoldsNoSecretAndIsNotItselfASecret() {
        Secrets s = Secrets.of(Secrets.REDACTED, Map.of("Authorization", Secrets.REDACTED), List.of());
        assertThat(s.hasValues()).isFalse();
    }

    @Test
    void andUnitesNamesAndValues() {
        Secrets a = Secrets.of("key-aaaa", Map.of(), List.of("X-One"));
        Secrets b = Secrets.of(null, Map.of("X-Two", "two-2222"), List.of("X-Two"));
        Secrets both = a.and(b);
        assertThat(both.isSecretHeader("x-one")).isTrue();
        assertThat(both.isSecretHeader("x-two")).isTrue();
        assertThat(both.mask("key-aaaa two-2222")).isEqualTo("<redacted> <redacted>");
    }

    @Test
    void logRedactionMasksWhatWasRegistered() {
        LogRedaction.register(Secrets.of("log-secret-5150", Map.of(), List.of()));
        assertThat(LogRedaction.mask("failed with log-secret-5150 in it")).isEqualTo("failed with <redacted> in it");
    }
}

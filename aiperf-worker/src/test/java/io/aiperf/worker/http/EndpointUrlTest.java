package io.aiperf.worker.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointUrlTest {

    @Test
    void duplicateV1IsDropped() {
        assertThat(EndpointUrl.of("http://localhost:8000/v1", "/v1/chat/completions").target())
                .isEqualTo("/v1/chat/completions");
        assertThat(EndpointUrl.of("http://localhost:8000/v1", "v1/completions").target()).isEqualTo("/v1/completions");
    }

    @Test
    void pathsAreJoined() {
        assertThat(EndpointUrl.of("http://localhost:8000", "/v1/chat/completions").target())
                .isEqualTo("/v1/chat/completions");
        assertThat(EndpointUrl.of("http://localhost:8000/api", "/v1/chat/completions").target())
                .isEqualTo("/api/v1/chat/completions");
        assertThat(EndpointUrl.of("http://localhost:8000/v1", "/generate").target()).isEqualTo("/v1/generate");
        assertThat(EndpointUrl.of("http://localhost:8000/v1", "/v1").target()).isEqualTo("/v1/v1");
        assertThat(EndpointUrl.of("http://localhost:8000/", "custom").target()).isEqualTo("/custom");
        assertThat(EndpointUrl.of("http://localhost:8000", "").target()).isEqualTo("/");
        assertThat(EndpointUrl.of("http://localhost:8000/x/v1", "/v1/chat/completions").target())
                .isEqualTo("/x/v1/chat/completions");
    }

    @Test
    void hostPortAndHostHeader() {
        EndpointUrl url = EndpointUrl.of("http://127.0.0.1:8000/v1", "/v1/chat/completions");
        assertThat(url.host()).isEqualTo("127.0.0.1");
        assertThat(url.port()).isEqualTo(8000);
        assertThat(url.hostHeader()).isEqualTo("127.0.0.1:8000");
        assertThat(url.tls()).isFalse();
        assertThat(url).hasToString("http://127.0.0.1:8000/v1/chat/completions");
        assertThat(EndpointUrl.of("https://api.example.com", "/v1/x").hostHeader()).isEqualTo("api.example.com");
        assertThat(EndpointUrl.of("https://api.example.com", "/v1/x").port()).isEqualTo(443);
        assertThat(EndpointUrl.of("localhost:9", "/p").scheme()).isEqualTo("http");
        EndpointUrl v6 = EndpointUrl.of("http://[::1]:8080", "/p");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.hostHeader()).isEqualTo("[::1]:8080");
    }

    @Test
    void invalidUrls() {
        assertThatThrownBy(() -> EndpointUrl.of("ftp://h:1", "/p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EndpointUrl.of("http://", "/p")).isInstanceOf(IllegalArgumentException.class);
    }
}

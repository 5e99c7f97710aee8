package io.aiperf.core.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --connection-reuse-strategy}: its names and when a connection may carry another request. */
class ConnectionReuseTest {

    @Test
    void parsesAiperfsNamesInAnyCaseAndWithUnderscores() {
        assertThat(ConnectionReuse.parse("pooled")).isEqualTo(ConnectionReuse.POOLED);
        assertThat(ConnectionReuse.parse("NEVER")).isEqualTo(ConnectionReuse.NEVER);
        assertThat(ConnectionReuse.parse("sticky-user-sessions")).isEqualTo(ConnectionReuse.STICKY_USER_SESSIONS);
        assertThat(ConnectionReuse.parse(" sticky_user_sessions ")).isEqualTo(ConnectionReuse.STICKY_USER_SESSIONS);
        assertThat(ConnectionReuse.parse("sticky")).isNull();
        assertThat(ConnectionReuse.parse(null)).isNull();
        assertThat(ConnectionReuse.STICKY_USER_SESSIONS.cliName()).isEqualTo("sticky-user-sessions");
    }

    @Test
    void pooledKeepsEveryConnectionNeverKeepsNoneStickyKeepsOneUntilTheLastTurn() {
        assertThat(ConnectionReuse.POOLED.keepsConnectionAfter(false)).isTrue();
        assertThat(ConnectionReuse.POOLED.keepsConnectionAfter(true)).isTrue();
        assertThat(ConnectionReuse.NEVER.keepsConnectionAfter(false)).isFalse();
        assertThat(ConnectionReuse.NEVER.keepsConnectionAfter(true)).isFalse();
        assertThat(ConnectionReuse.STICKY_USER_SESSIONS.keepsConnectionAfter(false)).isTrue();
        assertThat(ConnectionReuse.STICKY_USER_SESSIONS.keepsConnectionAfter(true)).isFalse();
    }

    @Test
    void anEndpointWithoutAStrategyIsPooled() {
        EndpointConfig e = new EndpointConfig(List.of("m"), EndpointType.CHAT, false,
                List.of("http://localhost:1"), null, 10, null, false, false, null, null, null);
        assertThat(e.connectionReuse()).isEqualTo(ConnectionReuse.POOLED);
    }
}

package io.aiperf.core.message;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BusProtocolTest {

    sealed interface Kinds permits Kinds.Ping, Kinds.Pong {
        record Ping(long sentNs, Colour colour) implements Kinds {
        }

        record Pong(List<Ping> pings) implements Kinds {
        }
    }

    enum Colour { RED, GREEN }

    private static final String P = BusProtocolTest.class.getName();

    /** What two builds must agree on: each component's name and type, each enum constant, each permitted kind. */
    @Test
    void theShapeNamesEveryComponentConstantAndKind() {
        assertThat(BusProtocol.shapeOf(Kinds.class)).containsExactly(
                P + "$Colour{RED,GREEN,}",
                P + "$Kinds permits " + P + "$Kinds$Ping," + P + "$Kinds$Pong,",
                P + "$Kinds$Ping(sentNs:long,colour:" + P + "$Colour,)",
                P + "$Kinds$Pong(pings:java.util.List<" + P + "$Kinds$Ping>,)");
    }

    /** Types reached only through a list's element type count too. */
    @Test
    void typesReachedThroughGenericComponentsAreIncluded() {
        assertThat(BusProtocol.shapeOf(Kinds.Pong.class)).contains(P + "$Kinds$Ping(sentNs:long,colour:" + P
                + "$Colour,)", P + "$Colour{RED,GREEN,}");
    }

    @Test
    void theFingerprintHashesTheShape() {
        assertThat(BusProtocol.FINGERPRINT).matches("[0-9a-f]{16}");
        assertThat(BusProtocol.fingerprintOf(Message.class)).isEqualTo(BusProtocol.FINGERPRINT);
        assertThat(BusProtocol.fingerprintOf(Kinds.Pong.class)).isNotEqualTo(BusProtocol.fingerprintOf(Kinds.class));
    }

    /** The run's configuration travels in ConfigureWorkers: its records are part of the protocol. */
    @Test
    void theConfigurationIsPartOfTheProtocol() {
        assertThat(BusProtocol.shapeOf(Message.class)).anyMatch(line -> line.startsWith(
                io.aiperf.core.config.ServiceConfig.RemoteWorkers.class.getName() + "(count:int,"));
    }
}

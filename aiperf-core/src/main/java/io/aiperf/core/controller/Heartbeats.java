package io.aiperf.core.controller;

import io.aiperf.core.message.Message.Heartbeat;

/** The controller's heartbeat on the events socket: proof of life, and what lets a new subscriber register. */
final class Heartbeats {

    private final ControllerSockets sockets;
    private long lastNs;
    private boolean beaten;

    Heartbeats(ControllerSockets sockets) {
        this.sockets = sockets;
    }

    /** Publishes a heartbeat if the last one is at least {@code periodNs} old. */
    void beatIfDue(long nowNs, long periodNs) {
        if (!beaten || nowNs - lastNs >= periodNs) {
            beaten = true;
            lastNs = nowNs;
            sockets.publish(new Heartbeat(System.currentTimeMillis()));
        }
    }
}

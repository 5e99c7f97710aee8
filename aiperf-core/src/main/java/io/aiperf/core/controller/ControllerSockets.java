package io.aiperf.core.controller;

import io.aiperf.core.bus.Channel;
import io.aiperf.core.bus.ServiceEndpoints;
import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.message.Message;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/**
 * The controller's ends of the bus. Every socket belongs to the controller thread, which is the only one that may
 * call these methods.
 *
 * @param toCli   {@link Channel#CLI_INBOX}, connected to the CLI
 * @param control {@link Channel#CONTROL}, bound: the CLI's commands and the records manager's reports
 * @param events  {@link Channel#EVENTS}, bound: what every service and the CLI hear
 * @param credits {@link Channel#CREDITS}, bound: the workers' credits and returns
 */
public record ControllerSockets(ZmqBus bus, ZMQ.Socket toCli, ZMQ.Socket control, ZMQ.Socket events,
                                ZMQ.Socket credits) {

    /**
     * @param toCli   the socket connected to the CLI's inbox (opened first, so a port in use can be reported on it)
     * @param zmqPort the first fixed port of the channels workers on other hosts dial, or 0 for ephemeral ports
     * @throws io.aiperf.core.bus.PortTakenException when a fixed port is in use
     */
    public static ControllerSockets open(ZmqBus bus, ZMQ.Socket toCli, int zmqPort) {
        ZMQ.Socket control = bus.bind(Channel.CONTROL);
        ZMQ.Socket credits = bus.bind(Channel.CREDITS, zmqPort);
        ZMQ.Socket events;
        try {
            events = bus.bind(Channel.EVENTS, zmqPort);
        } catch (RuntimeException e) {
            credits.close();
            control.close();
            throw e;
        }
        return new ControllerSockets(bus, toCli, control, events, credits);
    }

    /** What a service the controller starts connects to. */
    public ServiceEndpoints forServices() {
        return new ServiceEndpoints(java.util.Map.of(
                Channel.CONTROL, ZmqBus.endpointOf(control),
                Channel.EVENTS, ZmqBus.endpointOf(events),
                Channel.CREDITS, ZmqBus.endpointOf(credits)));
    }

    public void toCli(Message message) {
        ZmqBus.send(toCli, message);
    }

    public void publish(Message message) {
        ZmqBus.send(events, message);
    }

    /**
     * @return false when the worker is gone (its connection closed or closing: the ROUTER refuses an unknown identity,
     * and one whose connection is closing is not waited for); the
     * supervisor then reports its exit, and what it held is recorded as lost
     */
    public boolean toWorker(String workerId, Message message) {
        try {
            return ZmqBus.sendTo(credits, workerId, message);
        } catch (ZMQException e) {
            if (e.getErrorCode() == ZError.EHOSTUNREACH) {
                return false;
            }
            throw e;
        }
    }

    /** A poller on the two sockets that wake the controller: control and credits. Close it after use. */
    public ZMQ.Poller controlAndCredits() {
        ZMQ.Poller poller = bus.context().createPoller(2);
        poller.register(control, ZMQ.Poller.POLLIN);
        poller.register(credits, ZMQ.Poller.POLLIN);
        return poller;
    }
}

package io.aiperf.core.bus;

/**
 * A fixed bus port ({@code --zmq-port}) is already in use on the interface the bus binds on: another run, or any other
 * program. Its message is the one line the user sees.
 */
public final class PortTakenException extends RuntimeException {

    public PortTakenException(String host, int port, Channel channel) {
        super("--zmq-port: port " + port + " (the " + channel.cliName() + " channel) is already in use on " + host
                + "; another aiperf run may hold it: choose another --zmq-port");
    }
}

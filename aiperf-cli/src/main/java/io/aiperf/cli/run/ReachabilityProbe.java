package io.aiperf.cli.run;

import io.aiperf.cli.options.UrlNormalizer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Fails fast, with one line, when a server cannot be reached at all: better than a run of connection errors. */
final class ReachabilityProbe {

    /**
     * How long a server that drops the connection attempt (a firewall, a host that is down) gets: short enough that
     * the one line comes within 10 s of the command, JVM start included; a TCP connect that works takes milliseconds.
     */
    static final int TIMEOUT_MS = 5_000;

    private ReachabilityProbe() {
    }

    /** @return null when a TCP connection could be opened, else the reason it could not */
    static String check(String normalizedUrl) {
        String host = UrlNormalizer.host(normalizedUrl);
        int port = UrlNormalizer.port(normalizedUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            return null;
        } catch (UnknownHostException e) {
            return "cannot reach " + normalizedUrl + ": unknown host " + host;
        } catch (ConnectException e) {
            return "cannot reach " + normalizedUrl + ": connection refused (is the server running?)";
        } catch (SocketTimeoutException e) {
            return "cannot reach " + normalizedUrl + ": no answer within " + TIMEOUT_MS / 1000 + " s";
        } catch (IOException | IllegalArgumentException e) {
            return "cannot reach " + normalizedUrl + ": " + e.getMessage();
        }
    }
}

package io.aiperf.worker.http;

import io.aiperf.core.message.HttpTrace;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Turns an exchange's stamps and its connection's socket counts into the record's {@link HttpTrace}
 * ({@code --export-http-trace}, {@code --show-trace-timing}). Both calls run on the connection's event loop; the
 * byte and buffer counts are the connection's running totals taken at the exchange's start and end, so a
 * keep-alive connection's earlier exchanges do not count.
 */
final class ExchangeTrace {

    private ExchangeTrace() {
    }

    /** The exchange takes the connection: remember where its counts stand. */
    static void begin(Exchange ex, SocketStamper socket) {
        ex.bytesWrittenBefore = socket.bytesWritten();
        ex.writesBefore = socket.writes();
        ex.bytesReadBefore = socket.bytesRead();
        ex.readsBefore = socket.reads();
    }

    /**
     * The exchange is over with the connection.
     *
     * @param bodyStartNs the read that brought the response's first body byte, or -1
     */
    static HttpTrace end(Exchange ex, SocketStamper socket, long bodyStartNs, Channel ch) {
        boolean reused = ex.connectionReused;
        InetSocketAddress local = inet(ch.localAddress());
        InetSocketAddress remote = inet(ch.remoteAddress());
        return new HttpTrace(
                ex.connectionAcquiredNs,
                reused,
                reused ? -1 : socket.connectStartNs(),
                reused ? -1 : socket.connectEndNs(),
                ex.requestWriteNs,
                ex.sentNs,
                bodyStartNs,
                ex.responseEndNs,
                socket.bytesWritten() - ex.bytesWrittenBefore,
                socket.writes() - ex.writesBefore,
                socket.bytesRead() - ex.bytesReadBefore,
                socket.reads() - ex.readsBefore,
                ex.status == 0 ? null : ex.reason,
                local == null ? null : local.getAddress().getHostAddress(),
                local == null ? 0 : local.getPort(),
                remote == null ? null : remote.getAddress().getHostAddress(),
                remote == null ? 0 : remote.getPort());
    }

    private static InetSocketAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null ? inet : null;
    }
}

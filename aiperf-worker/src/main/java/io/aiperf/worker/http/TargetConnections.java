package io.aiperf.worker.http;

import io.aiperf.core.config.ConnectionReuse;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.pool.ChannelPool;
import io.netty.util.concurrent.Promise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * Where the requests to one base URL get their connections, by {@code --connection-reuse-strategy}:
 * <ul>
 *   <li>pooled: the target's keep-alive pool, shared by every request;</li>
 *   <li>never: a new connection for each request (the pool is never given one back, so it always connects), closed
 *       when the exchange ends;</li>
 *   <li>sticky-user-sessions: a conversation's first turn connects anew; its connection is then parked under the
 *       conversation's {@code X-Correlation-ID} for the next turn and closed after the last.</li>
 * </ul>
 * A new connection's connect is part of its request's latency in every case (the request started before it).
 *
 * <p>Threading: {@link #acquire} runs on the transport's home loop and {@link #release} on the connection's loop; the
 * parked connections are touched only on the home loop, so they need no lock.
 */
final class TargetConnections {

    private final ConnectionReuse strategy;
    private final ChannelPool pool;
    private final EventLoop home;
    /** Sticky only: the idle connection of each conversation between its turns. Home loop only. */
    private final Map<String, Channel> parked;

    TargetConnections(ConnectionReuse strategy, ChannelPool pool, EventLoop home) {
        this.strategy = strategy;
        this.pool = pool;
        this.home = home;
        this.parked = strategy == ConnectionReuse.STICKY_USER_SESSIONS ? new HashMap<>() : null;
    }

    /** On the home loop: a connection for {@code ex}, completing {@code promise}. */
    void acquire(Exchange ex, Promise<Channel> promise) {
        if (parked != null) {
            Channel ch = parked.remove(ex.credit.xCorrelationId());
            if (ch != null) {
                if (ch.isActive()) {
                    promise.setSuccess(ch);
                    return;
                }
                ch.close();
            }
        }
        pool.acquire(promise);
    }

    /**
     * On the connection's loop, once {@code ex} is over with it.
     *
     * @param reusable the exchange ended cleanly: the connection may carry another request if the strategy wants
     */
    void release(Exchange ex, Channel ch, boolean reusable) {
        if (!reusable || !strategy.keepsConnectionAfter(ex.credit.finalTurn())) {
            ch.close();
        } else if (parked == null) {
            pool.release(ch);
        } else {
            String key = ex.credit.xCorrelationId();
            if (home.inEventLoop()) {
                park(key, ch);
            } else {
                try {
                    // Queued on the home loop before the record is handed on, so before the next turn is sent.
                    home.execute(() -> park(key, ch));
                } catch (RejectedExecutionException e) {
                    ch.close(); // shutting down
                }
            }
        }
    }

    /** Closes the parked connections; the pool closes its own. Home loop, or after it has stopped. */
    void closeParked() {
        if (parked == null) {
            return;
        }
        List<Channel> all = new ArrayList<>(parked.values());
        parked.clear();
        all.forEach(Channel::close);
    }

    private void park(String key, Channel ch) {
        Channel previous = parked.put(key, ch);
        if (previous != null && previous != ch) {
            previous.close(); // two turns of one conversation at once (cannot happen in order); keep the newer
        }
    }
}

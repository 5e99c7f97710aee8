package io.aiperf.core.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Index-wise parallel map for dataset preparation (prompt cutting, token counting). Element {@code i} of the result
 * is {@code f(i)} whatever the thread count, so the output never depends on it.
 */
public final class Parallel {

    private Parallel() {
    }

    /**
     * {@code [f(0), ..., f(n-1)]} computed on at most {@code threads} daemon threads (inline when 1 or {@code n <= 1}).
     * A failure of any element is rethrown: unchecked exceptions as they are, others wrapped.
     */
    public static <T> List<T> map(int n, int threads, String threadName, IntFunction<T> f) {
        List<T> out = new ArrayList<>(n);
        int workers = Math.min(Math.max(1, threads), n);
        if (workers <= 1) {
            for (int i = 0; i < n; i++) {
                out.add(f.apply(i));
            }
            return out;
        }
        ExecutorService exec = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(exec.submit(() -> f.apply(index)));
            }
            for (Future<T> future : futures) {
                out.add(future.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the dataset", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("preparing the dataset failed: " + e.getCause(), e.getCause());
        } finally {
            exec.shutdownNow();
        }
    }
}

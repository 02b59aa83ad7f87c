package org.backpropstudio.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits a loop over rows between the machine's cores: the calling thread takes the first part and
 * daemon helper threads the others, and the call returns when every part is done.
 *
 * <p>Each row is handled by exactly one thread, so a kernel that sums each row in a fixed order
 * gives the same bits whichever way the rows are split.
 */
final class RowTasks {

    /** The work on rows {@code from ≤ i < to}. */
    @FunctionalInterface
    interface Rows {
        void run(int from, int to);
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static final ExecutorService HELPERS = CORES > 1 ? Executors.newFixedThreadPool(CORES - 1, helperThreads())
            : null;

    private RowTasks() {
    }

    /**
     * Runs {@code body} over rows 0..rows-1, in up to one part per core.
     *
     * <p>An interrupt while waiting for the helpers is kept for the caller (its flag set again);
     * the call still waits, since the helpers are writing into the caller's matrices.
     */
    static void run(int rows, Rows body) {
        int parts = Math.min(CORES, rows);
        if (parts <= 1) {
            body.run(0, rows);
            return;
        }
        Future<?>[] helpers = new Future<?>[parts - 1];
        for (int t = 1; t < parts; t++) {
            int from = (int) ((long) rows * t / parts);
            int to = (int) ((long) rows * (t + 1) / parts);
            helpers[t - 1] = HELPERS.submit(() -> body.run(from, to));
        }
        try {
            body.run(0, rows / parts);
        } finally {
            awaitAll(helpers);
        }
    }

    private static void awaitAll(Future<?>[] helpers) {
        boolean interrupted = false;
        RuntimeException failure = null;
        for (Future<?> f : helpers) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    failure = cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static ThreadFactory helperThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "backprop-rows-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

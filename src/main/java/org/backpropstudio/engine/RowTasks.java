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
 *
 * <p>A call from within a part (an evaluation chunk per core whose products would split again)
 * runs its rows on its own thread: the cores are taken, and a helper waiting for itself would
 * never return.
 */
final class RowTasks {

    /** The work on rows {@code from ≤ i < to}. */
    @FunctionalInterface
    interface Rows {
        void run(int from, int to);
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** True on a thread while it runs a part of a split. */
    private static final ThreadLocal<boolean[]> IN_PART = ThreadLocal.withInitial(() -> new boolean[1]);

    private static final ExecutorService HELPERS = CORES > 1 ? Executors.newFixedThreadPool(CORES - 1, helperThreads())
            : null;

    private RowTasks() {
    }

    /** The most parts a split makes: the machine's cores. */
    static int cores() {
        return CORES;
    }

    /**
     * Runs {@code body} over rows 0..rows-1, in up to one part per core.
     *
     * <p>An interrupt while waiting for the helpers is kept for the caller (its flag set again);
     * the call still waits, since the helpers are writing into the caller's matrices.
     */
    static void run(int rows, Rows body) {
        int parts = Math.min(CORES, rows);
        boolean[] inPart = IN_PART.get();
        if (parts <= 1 || inPart[0]) {
            body.run(0, rows);
            return;
        }
        Future<?>[] helpers = new Future<?>[parts - 1];
        for (int t = 1; t < parts; t++) {
            int from = (int) ((long) rows * t / parts);
            int to = (int) ((long) rows * (t + 1) / parts);
            helpers[t - 1] = HELPERS.submit(() -> runPart(body, from, to));
        }
        try {
            runPart(body, 0, rows / parts);
        } finally {
            awaitAll(helpers);
        }
    }

    private static void runPart(Rows body, int from, int to) {
        boolean[] inPart = IN_PART.get();
        inPart[0] = true;
        try {
            body.run(from, to);
        } finally {
            inPart[0] = false;
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

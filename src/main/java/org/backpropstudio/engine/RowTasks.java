package org.backpropstudio.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a loop over rows between the machine's cores. The rows are cut into a few pieces per
 * core, and the calling thread and daemon helper threads each take the next piece not yet taken
 * until none is left; the call returns when every piece is done. The caller never waits for a
 * helper that has not started: when the other cores are busy (the studio drawing, another
 * program), it takes the helpers' pieces itself and waits only for a piece in progress. With one
 * fixed part per core, a helper woken late held up every split by as long as it took to start.
 *
 * <p>Each row is handled by exactly one thread, so a kernel that sums each row in a fixed order
 * gives the same bits whichever way the rows are split and whoever takes them.
 *
 * <p>A call from within a piece (an evaluation chunk per core whose products would split again)
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

    /** Pieces per core: enough that a late helper's share is taken by whoever is free. */
    static final int PIECES_PER_CORE = 4;

    /** Piece boundaries fall on multiples of this many rows (the vector kernel's tiles are 4 rows). */
    private static final int ROW_ALIGN = 4;

    /** True on a thread while it runs a piece of a split. */
    private static final ThreadLocal<boolean[]> IN_PART = ThreadLocal.withInitial(() -> new boolean[1]);

    private static final ExecutorService HELPERS = CORES > 1 ? Executors.newFixedThreadPool(CORES - 1, helperThreads())
            : null;

    private RowTasks() {
    }

    /** The most threads a split uses: the machine's cores. */
    static int cores() {
        return CORES;
    }

    /**
     * Runs {@code body} over rows 0..rows-1, in pieces taken by up to one thread per core.
     *
     * <p>An interrupt while waiting for a piece in progress is kept for the caller (its flag set
     * again); the call still waits, since the helpers are writing into the caller's matrices. The
     * first exception a piece throws is thrown here once no piece is in progress; no piece starts
     * after it.
     */
    static void run(int rows, Rows body) {
        int threads = Math.min(CORES, rows);
        boolean[] inPart = IN_PART.get();
        if (threads <= 1 || inPart[0]) {
            body.run(0, rows);
            return;
        }
        Split split = new Split(body, rows, Math.min(rows, threads * PIECES_PER_CORE), Thread.currentThread());
        for (int t = 1; t < threads; t++) {
            HELPERS.execute(split::work);
        }
        split.work();
        split.await();
    }

    /** One call's pieces: the next one to take, how many are not done yet, the first failure. */
    private static final class Split {
        private final Rows body;
        private final int rows;
        private final int pieces;
        private final Thread caller;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger unfinished;
        private volatile RuntimeException failure;
        private volatile Error error;

        Split(Rows body, int rows, int pieces, Thread caller) {
            this.body = body;
            this.rows = rows;
            this.pieces = pieces;
            this.caller = caller;
            this.unfinished = new AtomicInteger(pieces);
        }

        /** Piece i's first row: rows·i/pieces, on a multiple of {@link #ROW_ALIGN} but the ends. */
        private int bound(int i) {
            if (i >= pieces) {
                return rows;
            }
            int at = (int) ((long) rows * i / pieces);
            return rows >= pieces * ROW_ALIGN ? at - at % ROW_ALIGN : at;
        }

        /** Takes pieces until none is left; the thread that finishes the last one wakes the caller. */
        void work() {
            boolean[] inPart = IN_PART.get();
            inPart[0] = true;
            try {
                for (int i = next.getAndIncrement(); i < pieces; i = next.getAndIncrement()) {
                    try {
                        if (failure == null && error == null) {
                            body.run(bound(i), bound(i + 1));
                        }
                    } catch (RuntimeException e) {
                        if (failure == null) {
                            failure = e;
                        }
                    } catch (Error e) {
                        if (error == null) {
                            error = e;
                        }
                    } finally {
                        if (unfinished.decrementAndGet() == 0 && Thread.currentThread() != caller) {
                            LockSupport.unpark(caller);
                        }
                    }
                }
            } finally {
                inPart[0] = false;
            }
        }

        /** On the caller, once it has no piece left to take: waits for the pieces in progress. */
        void await() {
            boolean interrupted = false;
            while (unfinished.get() > 0) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (error != null) {
                throw error;
            }
            if (failure != null) {
                throw failure;
            }
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

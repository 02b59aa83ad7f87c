package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The evaluation's chunks, one per core at a time, give what one chunk at a time gives, bit for
 * bit: the loss sums added in the chunks' order, the right answers and the confusion counted.
 */
class EvaluationTeamTest {

    private static final int CLASSES = 5;
    /** Four chunks and a bit: every core takes one, and the last is short. */
    private static final int ROWS = 4 * Evaluator.CHUNK + 37;

    /** 48 → 256 ReLU → 5: 256·(48·256 + 256·5) multiply-adds a chunk, enough to go to a core of its own. */
    private static Network wide(long seed) {
        NetworkSpec spec = new NetworkSpec(48, List.of(new LayerSpec(256, Activation.RELU),
                new LayerSpec(CLASSES, Activation.IDENTITY)));
        return Network.create(spec, new Initializer.Normal(0, 0.3), new Initializer.Normal(0, 0.1),
                new SplittableRandom(seed));
    }

    /** Inputs of which about {@code zeros} are 0, and random labels. */
    private static Dataset data(long seed, double zeros) {
        Random r = new Random(seed);
        double[][] x = new double[ROWS][48];
        int[] labels = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < 48; j++) {
                x[i][j] = r.nextDouble() < zeros ? 0 : r.nextGaussian();
            }
            labels[i] = r.nextInt(CLASSES);
        }
        return Dataset.labelled(x, labels, CLASSES);
    }

    @Test
    void aWideNetworksChunksGoOnePerCore() {
        Network n = wide(1);
        Dataset d = data(2, 0.0);
        EpochRun e = new EpochRun();
        new EvaluationTeam().addRight(n, d, null, e, null);
        assertThat(e.nextRow).isEqualTo(Math.min(ROWS, RowTasks.cores() * Evaluator.CHUNK));
    }

    @Test
    void aNarrowNetworksChunksGoOneAtATime() {
        NetworkSpec spec = new NetworkSpec(48, List.of(new LayerSpec(4, Activation.TANH),
                new LayerSpec(CLASSES, Activation.IDENTITY)));
        Network n = Network.create(spec, new Initializer.Normal(0, 0.3), new Initializer.Constant(0),
                new SplittableRandom(3));
        EpochRun e = new EpochRun();
        new EvaluationTeam().addRight(n, data(4, 0.0), null, e, null);
        assertThat(e.nextRow).isEqualTo(Evaluator.CHUNK);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.8})
    void lossSumsAreTheOneChunkAtATimeSumsBitForBit(double zeros) {
        Loss loss = new Loss(LossKind.SOFTMAX_CROSS_ENTROPY, Reduction.MEAN);
        for (long seed = 0; seed < 6; seed++) {
            Network n = wide(seed);
            Dataset d = data(seed + 100, zeros);
            SparseRows nonzeros = zeros > 0 ? SparseRows.ofInputs(d.x()) : null;
            if (zeros > 0) {
                assertThat(nonzeros).as("the inputs are taken by their nonzeros").isNotNull();
            }
            double expected = 0;
            Evaluator one = new Evaluator();
            for (int start = 0; start < ROWS; start += Evaluator.CHUNK) {
                expected += one.lossSum(n, loss, d, nonzeros, start, Evaluator.rows(d, start));
            }
            EpochRun e = new EpochRun();
            EvaluationTeam team = new EvaluationTeam();
            while (e.nextRow < ROWS) {
                team.addLossSums(n, loss, d, nonzeros, e);
            }
            assertThat(e.nextRow).isEqualTo(ROWS);
            assertThat(Double.doubleToRawLongBits(e.sum)).as("seed %d: %s against %s", seed, e.sum, expected)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.8})
    void rightAnswersAndTheConfusionAreTheOneChunkAtATimeCounts(double zeros) {
        Network n = wide(7);
        Dataset d = data(8, zeros);
        SparseRows nonzeros = zeros > 0 ? SparseRows.ofInputs(d.x()) : null;
        int[][] expected = new int[CLASSES][CLASSES];
        int expectedRight = 0;
        Evaluator one = new Evaluator();
        for (int start = 0; start < ROWS; start += Evaluator.CHUNK) {
            expectedRight += one.right(n, d, nonzeros, start, Evaluator.rows(d, start), expected);
        }
        EvaluationTeam team = new EvaluationTeam();
        for (int pass = 0; pass < 2; pass++) { // a second pass: the helpers' counts start from 0 again
            EpochRun e = new EpochRun();
            int[][] confusion = new int[CLASSES][CLASSES];
            while (e.nextRow < ROWS) {
                team.addRight(n, d, nonzeros, e, confusion);
            }
            assertThat(e.sum).isEqualTo(expectedRight);
            assertThat(confusion).isDeepEqualTo(expected);
        }
        assertThat(expectedRight).as("a count that is neither none nor all").isBetween(1, ROWS - 1);
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a helper waiting for itself hangs
    void aSplitWithinAPartRunsOnItsOwnThreadAndCoversEveryRow() {
        AtomicIntegerArray seen = new AtomicIntegerArray(4 * 100);
        RowTasks.run(4, (from, to) -> {
            for (int part = from; part < to; part++) {
                int base = part * 100;
                Thread mine = Thread.currentThread();
                RowTasks.run(100, (f, t) -> {
                    assertThat(Thread.currentThread()).isSameAs(mine);
                    for (int i = f; i < t; i++) {
                        seen.incrementAndGet(base + i);
                    }
                });
            }
        });
        for (int i = 0; i < seen.length(); i++) {
            assertThat(seen.get(i)).as("row %d", i).isEqualTo(1);
        }
        // outside a part, a split goes to the cores again: pieces of 10 ms, a helper takes some
        AtomicIntegerArray helped = new AtomicIntegerArray(8);
        Thread caller = Thread.currentThread();
        RowTasks.run(8, (f, t) -> {
            for (int i = f; i < t; i++) {
                helped.set(i, Thread.currentThread() == caller ? 0 : 1);
                sleep(10);
            }
        });
        if (RowTasks.cores() > 1) {
            int byHelpers = 0;
            for (int i = 0; i < 8; i++) {
                byHelpers += helped.get(i);
            }
            assertThat(byHelpers).as("rows a helper took").isPositive();
        }
    }

    /**
     * The caller takes the pieces a helper has not started on: with every helper busy (here in
     * another split, held until released), a split still returns, every row done on the caller.
     * With one part per core it waited for a helper to start, here until the end of the timeout.
     */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSplitDoesNotWaitForAHelperThatHasNotStarted() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(RowTasks.cores() > 1);
        int helpers = RowTasks.cores() - 1;
        java.util.concurrent.CountDownLatch allBusy = new java.util.concurrent.CountDownLatch(helpers);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread other = new Thread(() -> RowTasks.run(RowTasks.cores() * RowTasks.PIECES_PER_CORE, (f, t) -> {
            if (Thread.currentThread().getName().startsWith("backprop-rows-")) {
                allBusy.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                sleep(50); // the helpers start meanwhile and take a piece each
            }
        }));
        other.setDaemon(true); // on a failure here, held helpers and all, the JVM still ends
        other.start();
        try {
            assertThat(allBusy.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("every helper held").isTrue();
            // the split on a daemon thread of its own: on the old code it never returned
            AtomicIntegerArray seen = new AtomicIntegerArray(100);
            AtomicIntegerArray elsewhere = new AtomicIntegerArray(1);
            java.util.concurrent.CountDownLatch returned = new java.util.concurrent.CountDownLatch(1);
            Thread splitter = new Thread(() -> {
                Thread me = Thread.currentThread();
                RowTasks.run(100, (f, t) -> {
                    for (int i = f; i < t; i++) {
                        seen.incrementAndGet(i);
                    }
                    if (Thread.currentThread() != me) {
                        elsewhere.set(0, 1);
                    }
                });
                returned.countDown();
            });
            splitter.setDaemon(true);
            splitter.start();
            assertThat(returned.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("the split returned").isTrue();
            assertThat(elsewhere.get(0)).as("a row done off the caller").isZero();
            for (int i = 0; i < seen.length(); i++) {
                assertThat(seen.get(i)).as("row %d", i).isEqualTo(1);
            }
        } finally {
            release.countDown();
            other.join(10_000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

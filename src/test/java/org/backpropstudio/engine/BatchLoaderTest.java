package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class BatchLoaderTest {

    private static final Dataset DATA = Dataset.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
            new double[] {0, 10, 20, 30, 40, 50, 60, 70, 80, 90});

    private static double[] epochXs(BatchLoader loader) {
        loader.startEpoch();
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        DMatrixRMaj y = new DMatrixRMaj(1, 1);
        double[] seen = new double[0];
        for (int b = 0; b < loader.batchCount(); b++) {
            loader.fill(b, DATA, x, y);
            for (int r = 0; r < x.numRows; r++) {
                assertThat(y.get(r, 0)).isEqualTo(10 * x.get(r, 0));
                seen = Arrays.copyOf(seen, seen.length + 1);
                seen[seen.length - 1] = x.get(r, 0);
            }
        }
        return seen;
    }

    @Test
    void inOrderWithoutShuffle() {
        BatchLoader loader = new BatchLoader(10, 3, false, false, new SplittableRandom(1));
        assertThat(loader.batchCount()).isEqualTo(4);
        assertThat(epochXs(loader)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void dropLastSkipsTheSmallerBatch() {
        BatchLoader loader = new BatchLoader(10, 4, false, true, new SplittableRandom(1));
        assertThat(loader.batchCount()).isEqualTo(2);
        assertThat(epochXs(loader)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void fullBatchForZeroOrOversizedBatches() {
        assertThat(new BatchLoader(10, 0, false, false, new SplittableRandom(1)).batchCount()).isEqualTo(1);
        assertThat(new BatchLoader(10, 99, false, true, new SplittableRandom(1)).batchCount()).isEqualTo(1);
    }

    @Test
    void shuffleIsASeededPermutationThatChangesEveryEpoch() {
        BatchLoader a = new BatchLoader(10, 3, true, false, new SplittableRandom(5));
        BatchLoader b = new BatchLoader(10, 3, true, false, new SplittableRandom(5));
        double[] first = epochXs(a);
        assertThat(first).containsExactly(epochXs(b));
        double[] sorted = first.clone();
        Arrays.sort(sorted);
        assertThat(sorted).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(epochXs(a)).isNotEqualTo(first);
    }

    @Test
    void withReplacementEveryBatchIsDrawnAsNpRandomChoiceDrawsItAndAnEpochIsFloorNOverBatchSteps() {
        BatchLoader loader = new BatchLoader(10, 3, true, false, new SplittableRandom(5));
        loader.setReplacement(true);
        assertThat(loader.batchCount()).isEqualTo(3); // ⌊10 / 3⌋, however shuffle and drop-last are set
        double[] seen = epochXs(loader);
        SplittableRandom same = new SplittableRandom(5);
        double[] expected = new double[9];
        for (int i = 0; i < 10; i++) {
            int index = same.nextInt(10);
            if (i < 9) {
                expected[i] = index;
            }
        }
        assertThat(seen).containsExactly(expected);
        // drawn with replacement: over a few epochs some sample comes twice within one
        boolean repeated = false;
        for (int e = 0; e < 5 && !repeated; e++) {
            double[] xs = epochXs(loader);
            repeated = Arrays.stream(xs).distinct().count() < xs.length;
        }
        assertThat(repeated).isTrue();
    }

    @Test
    void aStepLimitEndsTheRunInTheMiddleOfItsLastEpoch() {
        Dataset ten = Dataset.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, new double[10]);
        TrainingConfig c = Presets.get("linear-neuron").withData(new DataSpec.GivenData(ten, ten))
                .withBatching(3, false, true).withEpochs(4).withStepLimit(10);
        Trainer t = new Trainer(c);
        for (int e = 0; e < 3; e++) {
            t.runEpoch(); // 3 steps each
        }
        // 9 steps taken: the fourth epoch takes 1 step, on 3 samples
        EpochResult last = t.runEpoch();
        assertThat(last.epoch()).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThatThrownBy(t::runEpoch)
                .hasMessageContaining("the run has taken its 10 steps");
    }
}

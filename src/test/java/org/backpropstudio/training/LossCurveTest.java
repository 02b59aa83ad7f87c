package org.backpropstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LossCurveTest {

    @Test
    void keepsEveryEpochUntilFullThenMergesKeepingTheExtremes() {
        LossCurve c = new LossCurve();
        int n = LossCurve.CAPACITY * 4 - 5; // buckets of 4 epochs after two merges
        for (int e = 1; e <= n; e++) {
            double spike = e == 5000 ? 100 : 1.0 / e;
            c.add(e, spike, 2.0 / e);
        }
        LossCurve.View v = c.view();
        assertThat(v.size()).isLessThanOrEqualTo(LossCurve.CAPACITY);
        assertThat(c.stride()).isEqualTo(4);
        assertThat(v.epoch()[0]).isEqualTo(1);
        assertThat(v.epoch()[1]).isEqualTo(5);
        // the spike at epoch 5000 survives merging
        double max = 0;
        for (double m : v.trainMax()) {
            max = Math.max(max, m);
        }
        assertThat(max).isEqualTo(100);
        assertThat(v.trainMin()[0]).isEqualTo(1.0 / 4);
        assertThat(v.trainMax()[0]).isEqualTo(1.0);
        assertThat(v.epoch()[v.size() - 1]).isEqualTo(n - 2);
    }

    @Test
    void nonFiniteLossesDoNotHideFiniteOnes() {
        LossCurve c = new LossCurve();
        c.add(1, 0.5, 0.5);
        c.add(2, Double.NaN, Double.POSITIVE_INFINITY);
        assertThat(c.view().trainMax()).containsExactly(0.5, Double.NaN);
    }

    /** A curve saved and restored goes on exactly as the one never interrupted, merges included. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 7, 2048, 2049, 5000, 9999})
    void aRestoredCurveGoesOnAsTheOriginal(int savedAt) {
        LossCurve original = new LossCurve();
        for (int e = 1; e <= savedAt; e++) {
            original.add(e, 1.0 / e, Math.sin(e));
        }
        LossCurve restored = new LossCurve();
        restored.restore(original.view(), savedAt);
        for (int e = savedAt + 1; e <= savedAt + 7000; e++) {
            original.add(e, 1.0 / e, Math.sin(e));
            restored.add(e, 1.0 / e, Math.sin(e));
        }
        LossCurve.View a = original.view();
        LossCurve.View b = restored.view();
        assertThat(b.epoch()).containsExactly(a.epoch());
        assertThat(b.trainMin()).containsExactly(a.trainMin());
        assertThat(b.testMax()).containsExactly(a.testMax());
        assertThat(restored.stride()).isEqualTo(original.stride());
    }

    @Test
    void aCurveThatIsNoSequenceOfBucketsIsNotTaken() {
        LossCurve c = new LossCurve();
        c.restore(new LossCurve.View(new int[] {1, 3, 4}, new double[3], new double[3], new double[3], new double[3]), 4);
        assertThat(c.size()).isZero();
    }
}

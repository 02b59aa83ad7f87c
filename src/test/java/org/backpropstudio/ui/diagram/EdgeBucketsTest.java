package org.backpropstudio.ui.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EdgeBucketsTest {

    @Test
    void theSignPicksTheColourAndTheShareOfTheLargestWeightPicksTheLevel() {
        NetworkDiagram.EdgeBuckets b = new NetworkDiagram.EdgeBuckets();
        int top = NetworkDiagram.EdgeBuckets.LEVELS - 1;
        b.add(2.0, 2.0, 0, 0, 1, 1);   // the largest weight: the strongest level
        b.add(-2.0, 2.0, 0, 0, 1, 1);
        b.add(0.0, 2.0, 0, 0, 1, 1);   // zero: the weakest positive level
        b.add(-1e-9, 2.0, 0, 0, 1, 1);
        b.add(1.0, 2.0, 0, 0, 1, 1);   // half the largest: the middle level
        b.add(Double.NaN, 2.0, 0, 0, 1, 1);
        b.add(Double.NEGATIVE_INFINITY, 2.0, 0, 0, 1, 1);

        assertThat(b.count(0, top)).isEqualTo(1);
        assertThat(b.count(1, top)).isEqualTo(1);
        assertThat(b.count(0, 0)).isEqualTo(1);
        assertThat(b.count(1, 0)).isEqualTo(1);
        assertThat(b.count(0, NetworkDiagram.EdgeBuckets.LEVELS / 2)).isEqualTo(1);
        assertThat(b.notANumber()).isEqualTo(2);
    }

    @Test
    void aBucketGrowsToHoldEveryEdge() {
        NetworkDiagram.EdgeBuckets b = new NetworkDiagram.EdgeBuckets();
        for (int i = 0; i < 1000; i++) {
            b.add(1.0, 1.0, i, 0, i, 1);
        }
        assertThat(b.count(0, NetworkDiagram.EdgeBuckets.LEVELS - 1)).isEqualTo(1000);
    }
}

package org.backpropstudio.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.Feature;
import org.backpropstudio.engine.Matrices;
import org.backpropstudio.engine.Network;
import org.backpropstudio.engine.Presets;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** What a snapshot copies or keeps: the weights as they were, the probes' inputs while they stay the same. */
public class SnapshotCopiesTest {

    @Test
    void weightRowsAreTheWeightsWhenCopiedWhateverTheNetworkDoesLater() {
        Network net = Network.create(Presets.get("spiral-relu").network(), new org.backpropstudio.engine.Initializer.Normal(0, 1),
                new org.backpropstudio.engine.Initializer.Normal(0, 1), new java.util.Random(3));
        List<double[][]> before = net.layers().stream().map(l -> Matrices.toRows(l.weights())).toList();
        List<double[][]> copied = WeightRows.of(net.layers());
        // the network changes after the copy, before anyone reads it
        net.layers().get(0).weights().data[0] += 1;
        net.layers().get(2).weights().data[5] = Double.NaN;
        assertEquals(before.size(), copied.size());
        for (int k = 0; k < before.size(); k++) {
            assertEquals(before.get(k).length, copied.get(k).length);
            for (int i = 0; i < before.get(k).length; i++) {
                assertArrayEquals(before.get(k)[i], copied.get(k)[i], "layer " + k + " row " + i);
            }
            assertSame(copied.get(k), copied.get(k), "cut into rows once");
        }
        assertThrows(UnsupportedOperationException.class, () -> copied.set(0, new double[0][]));
        assertThrows(IndexOutOfBoundsException.class, () -> copied.get(3));
    }

    @Test
    void theGridIsMadeAgainWhenTheFeaturesChange() {
        ProbeInputs inputs = new ProbeInputs();
        List<Feature> four = List.of(Feature.X1, Feature.X2, Feature.SIN_X1, Feature.SIN_X2);
        DMatrixRMaj x = inputs.grid(four);
        assertSame(x, inputs.grid(List.copyOf(four)), "the same features: kept");
        assertArrayEquals(ClassProbes.gridInputs(four).data, x.data);
        DMatrixRMaj two = inputs.grid(List.of(Feature.X1, Feature.X2));
        assertEquals(2, two.numCols);
        assertArrayEquals(ClassProbes.gridInputs(List.of(Feature.X1, Feature.X2)).data, two.data);
        // cell (0, 0) is the top left: x₁ at its least, x₂ at its most
        assertEquals(two.get(0, 0), -two.get(0, 1));
        assertEquals(two.get(0, 0), two.get(ClassProbes.RESOLUTION * ClassProbes.RESOLUTION - 1, 1));
    }

    @Test
    void theShownImagesFollowTheTestSet() {
        ProbeInputs inputs = new ProbeInputs();
        double[][] rows = new double[80][4];
        for (int i = 0; i < rows.length; i++) {
            rows[i][i % 4] = i;
        }
        Dataset test = Dataset.labelled(rows, new int[80], 2);
        DMatrixRMaj first = inputs.firstImages(test);
        assertEquals(ClassProbes.SHOWN_IMAGES, first.numRows);
        assertEquals(59.0, first.get(59, 3));
        assertSame(first, inputs.firstImages(test));
        Dataset other = Dataset.labelled(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}}, new int[2], 2);
        DMatrixRMaj second = inputs.firstImages(other);
        assertNotSame(first, second);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, second.data);
    }
}

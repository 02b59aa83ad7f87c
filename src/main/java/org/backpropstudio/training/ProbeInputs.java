package org.backpropstudio.training;

import java.util.List;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.Feature;
import org.ejml.data.DMatrixRMaj;

/**
 * The inputs a classifier's probes run through the network at every snapshot, made once and kept
 * while they stay the same: the plane's grid of cell centres (its features, sines included, for
 * 48² cells) and the digits' first test images (60 × 784, copied out of the test set). Made
 * afresh at each of 60 snapshots a second, they took 2 % of the digits' training thread.
 * Neither is changed by a forward pass. On the training thread only.
 */
final class ProbeInputs {

    private List<Feature> gridFeatures;
    private DMatrixRMaj grid;
    private Dataset imagesOf;
    private DMatrixRMaj images;

    /** X (48² × features) for the plane's maps ({@link ClassProbes#gridInputs}). */
    DMatrixRMaj grid(List<Feature> features) {
        if (grid == null || !features.equals(gridFeatures)) {
            grid = ClassProbes.gridInputs(features);
            gridFeatures = List.copyOf(features);
        }
        return grid;
    }

    /** X (shown × in): the test images whose predictions are shown ({@link ClassProbes#firstImages}). */
    DMatrixRMaj firstImages(Dataset test) {
        if (images == null || test != imagesOf) {
            images = ClassProbes.firstImages(test);
            imagesOf = test;
        }
        return images;
    }
}

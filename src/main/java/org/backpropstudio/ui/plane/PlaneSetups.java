package org.backpropstudio.ui.plane;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Feature;
import org.backpropstudio.engine.LayerSpec;
import org.backpropstudio.engine.NetworkSpec;
import org.backpropstudio.engine.PlaneShape;
import org.backpropstudio.engine.TrainingConfig;

/**
 * The setups the plane's controls ask for: other data, other classes, other features. The
 * network follows: one input per feature, one output per class.
 */
public final class PlaneSetups {

    /** Points, noise and training share of data made from a shape when the setup had none to keep. */
    static final int COUNT = 500;
    static final double NOISE = 0.2;
    static final double TRAIN_SHARE = 0.5;

    private PlaneSetups() {
    }

    /** The setup with {@code data}: the network's inputs and outputs made to fit it. */
    public static TrainingConfig withData(TrainingConfig config, DataSpec.Plane data) {
        NetworkSpec n = config.network();
        List<LayerSpec> layers = new ArrayList<>(n.layers());
        LayerSpec out = layers.get(layers.size() - 1);
        layers.set(layers.size() - 1, out.withUnits(data.classes()));
        return config.withNetwork(new NetworkSpec(data.inputs().size(), layers)).withData(data);
    }

    /**
     * Data of {@code shape} with {@code classes} classes (the nearest the shape has) and noise σ,
     * keeping the generated data's count, share and features (or the defaults after clicks).
     */
    public static DataSpec.PlaneData generated(DataSpec.Plane now, PlaneShape shape, int classes, double noise) {
        return generated(now, shape, classes, noise,
                now instanceof DataSpec.PlaneData d ? d.trainShare() : TRAIN_SHARE);
    }

    /** As {@link #generated(DataSpec.Plane, PlaneShape, int, double)}, with a share of the points for training. */
    public static DataSpec.PlaneData generated(DataSpec.Plane now, PlaneShape shape, int classes, double noise,
                                               double trainShare) {
        int k = Math.max(shape.minClasses(), Math.min(shape.maxClasses(), classes));
        Set<Feature> features = Set.copyOf(now.inputs());
        int count = now instanceof DataSpec.PlaneData d ? d.count() : COUNT;
        return new DataSpec.PlaneData(shape, k, count, noise, trainShare, features);
    }

    /** The same points seen through the features switched on, or null when that leaves none. */
    public static DataSpec.Plane withFeature(DataSpec.Plane now, Feature feature, boolean on) {
        java.util.EnumSet<Feature> features = java.util.EnumSet.copyOf(now.inputs());
        if (on) {
            features.add(feature);
        } else {
            features.remove(feature);
        }
        return features.isEmpty() ? null : now.withFeatures(features);
    }
}

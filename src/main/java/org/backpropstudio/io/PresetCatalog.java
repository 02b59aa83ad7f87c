package org.backpropstudio.io;

import java.util.ArrayList;
import java.util.List;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.TrainingConfig;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Every preset, with the data each needs: the engine's own ({@link Presets}) and the digit
 * classifier, whose digits are read from the bundled IDX files.
 */
public final class PresetCatalog {

    private PresetCatalog() {
    }

    /**
     * A preset ready to train.
     *
     * @param config  the setup
     * @param holdout samples kept out of training and validation, for a final test (the digit
     *                classifier's test set), or null
     */
    public record Setup(TrainingConfig config, Dataset holdout) {
    }

    /** Preset names: the engine's, then the digit classifier. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(Presets.names());
        names.add(Presets.DIGITS_SOFTMAX);
        return List.copyOf(names);
    }

    /**
     * The preset called {@code name}.
     *
     * @throws IllegalArgumentException naming the unknown preset and the known ones
     */
    public static Setup get(String name) {
        if (name.equals(Presets.DIGITS_SOFTMAX)) {
            BundledDigits.Sets digits = BundledDigits.load();
            Dataset[] split = holdFirst(digits.train(), Presets.DIGITS_VALIDATION_SHARE);
            TrainingConfig config = Presets.digitsSoftmax(split[1], split[0]);
            // an experiment saved from it names the bundled digits instead of holding 6 million numbers
            config = config.withData(((org.backpropstudio.engine.DataSpec.LabelledData) config.data())
                    .from(BundledDigits.SOURCE));
            return new Setup(config, digits.test());
        }
        if (!Presets.names().contains(name)) {
            throw new IllegalArgumentException("unknown preset '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return new Setup(Presets.get(name), null);
    }

    /** The first {@code share} of the samples, and the rest (as the tutorial holds its validation set out). */
    public static Dataset[] holdFirst(Dataset all, double share) {
        int held = (int) Math.round(all.size() * share);
        return new Dataset[] {rows(all, 0, held), rows(all, held, all.size())};
    }

    private static Dataset rows(Dataset d, int from, int to) {
        DMatrixRMaj x = CommonOps_DDRM.extract(d.x(), from, to, 0, d.x().numCols);
        DMatrixRMaj y = CommonOps_DDRM.extract(d.y(), from, to, 0, d.y().numCols);
        return new Dataset(x, y);
    }
}

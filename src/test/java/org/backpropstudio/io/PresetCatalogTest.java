package org.backpropstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Presets;
import org.junit.jupiter.api.Test;

/** Every preset with its data: the digit classifier's from the bundled files. */
class PresetCatalogTest {

    @Test
    void theDigitClassifierHoldsTheFirstTenthOfItsTrainingDigitsOutForValidation() {
        BundledDigits.Sets digits = BundledDigits.load();
        PresetCatalog.Setup s = PresetCatalog.get("digits-softmax");
        DataSpec.LabelledData data = (DataSpec.LabelledData) s.config().data();
        assertThat(data.test().size()).isEqualTo(800);
        assertThat(data.train().size()).isEqualTo(7200);
        // validation: the first 800 training digits; training: the other 7 200; the test set apart
        assertThat(data.test().x().get(799, 400)).isEqualTo(digits.train().x().get(799, 400));
        assertThat(data.train().x().get(0, 400)).isEqualTo(digits.train().x().get(800, 400));
        assertThat(data.train().label(7199)).isEqualTo(digits.train().label(7999));
        assertThat(s.holdout().size()).isEqualTo(2000);
        // the tutorial's setup, its data named as the bundled digits (an experiment saves the name)
        assertThat(data.source()).isEqualTo(BundledDigits.SOURCE);
        assertThat(s.config().withData(new DataSpec.LabelledData(data.train(), data.test(), 10)))
                .isEqualTo(Presets.digitsSoftmax(data.train(), data.test()));
    }

    @Test
    void theEnginesPresetsComeAsTheyAreAndUnknownNamesAreExplained() {
        assertThat(PresetCatalog.names()).containsExactly("classic-sigmoid", "relu-mae", "deep-momentum", "linear-neuron",
                "spiral-relu", "circle-relu", "xor-tanh", "digits-softmax");
        assertThat(PresetCatalog.get("relu-mae").config()).isEqualTo(Presets.get("relu-mae"));
        assertThat(PresetCatalog.get("relu-mae").holdout()).isNull();
        assertThatThrownBy(() -> PresetCatalog.get("mnist")).hasMessageContaining("unknown preset 'mnist'")
                .hasMessageContaining("digits-softmax");
    }
}

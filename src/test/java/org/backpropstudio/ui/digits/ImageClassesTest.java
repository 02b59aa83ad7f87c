package org.backpropstudio.ui.digits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.io.BundledDigits;
import org.backpropstudio.io.IdxDataset;
import org.backpropstudio.ui.Localized;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a data set's images are called in the digits view. */
class ImageClassesTest {

    private static DataSpec from(String source) {
        Dataset d = Dataset.labelled(new double[][] {{0}, {1}}, new int[] {0, 1}, 10);
        return new DataSpec.LabelledData(d, d, 10).from(source);
    }

    @AfterEach
    void english() {
        Localized.setLocale(Locale.ENGLISH);
    }

    @Test
    void theBundledDigitsAreDigitsFashionMnistIsClothesAndOtherFilesAreClasses() {
        assertThat(ImageClasses.of(from(BundledDigits.SOURCE))).isEqualTo(ImageClasses.DIGITS);
        assertThat(ImageClasses.of(from(""))).isEqualTo(ImageClasses.DIGITS);
        assertThat(ImageClasses.of(from(IdxDataset.SOURCE_PREFIX + "/data/Fashion-MNIST/train-images-idx3-ubyte.gz")))
                .isEqualTo(ImageClasses.FASHION);
        assertThat(ImageClasses.of(from(IdxDataset.SOURCE_PREFIX + "/data/kmnist/train-images-idx3-ubyte")))
                .isEqualTo(ImageClasses.IMAGES);
        Localized.setLocale(Locale.ENGLISH);
        assertThat(ImageClasses.DIGITS.name(7)).isEqualTo("7");
        assertThat(ImageClasses.IMAGES.name(7)).isEqualTo("class 7");
        assertThat(ImageClasses.FASHION.name(7)).isEqualTo("Sneaker");
        assertThat(ImageClasses.FASHION.name(9)).isEqualTo("Ankle boot");
        assertThat(ImageClasses.FASHION.key("digits.chosen")).isEqualTo("images.chosen");
        assertThat(ImageClasses.DIGITS.key("digits.chosen")).isEqualTo("digits.chosen");
        Localized.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(ImageClasses.FASHION.name(7)).isEqualTo("运动鞋");
    }
}

package org.backpropstudio.ui.digits;

import java.util.Locale;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.io.BundledDigits;
import org.backpropstudio.ui.Localized;

/**
 * What the images of a data set are called: the bundled digits are digits ("a 7"); a data set
 * opened from its IDX files is images of classes ("class 7"), and Fashion-MNIST's (a folder
 * named for it) are its ten kinds of clothes ("Sneaker"). IDX files carry no class names.
 */
enum ImageClasses {
    DIGITS, IMAGES, FASHION;

    /** How the images of {@code data} are called: digits unless it was opened from other files. */
    static ImageClasses of(DataSpec data) {
        if (!(data instanceof DataSpec.LabelledData labelled) || labelled.source().isEmpty()
                || labelled.source().equals(BundledDigits.SOURCE)) {
            return DIGITS;
        }
        return labelled.source().toLowerCase(Locale.ROOT).contains("fashion") ? FASHION : IMAGES;
    }

    /** The message key for {@code key} ({@code digits.…}) in this wording. */
    String key(String key) {
        return this == DIGITS ? key : key.replaceFirst("^digits\\.", "images.");
    }

    /** Class {@code c}'s name: "7", "class 7" or Fashion-MNIST's "Sneaker", in the current language. */
    String name(int c) {
        return switch (this) {
            case DIGITS -> Integer.toString(c);
            case IMAGES -> Localized.t("images.class", c);
            case FASHION -> c >= 0 && c < 10 ? Localized.t("fashion." + c) : Localized.t("images.class", c);
        };
    }
}

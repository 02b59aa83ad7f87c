package org.backpropstudio.ui;

import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.Task;
import org.backpropstudio.engine.TrainingConfig;

/** What the studio teaches with a setup: fitting a curve, separating classes in the plane, reading digits. */
public enum TaskKind {
    CURVE(Presets.DEFAULT, "mdi2c-chart-bell-curve-cumulative"),
    PLANE("circle-relu", "mdi2s-scatter-plot"),
    DIGITS(Presets.DIGITS_SOFTMAX, "mdi2n-numeric");

    private final String firstPreset;
    private final String icon;

    TaskKind(String firstPreset, String icon) {
        this.firstPreset = firstPreset;
        this.icon = icon;
    }

    /** The preset a student starts this task with. */
    public String firstPreset() {
        return firstPreset;
    }

    public String icon() {
        return icon;
    }

    /** The task's name in the current language. */
    public String label() {
        return Localized.t("task." + name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The task a setup poses: a classifier of images (square inputs) is DIGITS, of the plane PLANE. */
    public static TaskKind of(TrainingConfig config) {
        if (config.data().task() instanceof Task.Regression) {
            return CURVE;
        }
        return config.data() instanceof DataSpec.Plane ? PLANE : DIGITS;
    }
}

package org.backpropstudio.training;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.backpropstudio.engine.LayerSpec;
import org.backpropstudio.engine.TrainingConfig;

/**
 * A run kept for comparison while the user tries other settings: its loss curves and its fitted
 * curve as they were when pinned, drawn as faded ghosts, and saved in the experiment file.
 *
 * @param label      what it was, e.g. {@code 10-10 sigmoid, lr 0.1}
 * @param losses     its loss history, bucketed as the studio keeps it
 * @param x          x of its fitted curve
 * @param prediction its fitted curve at x
 */
public record PinnedRun(String label, LossCurve.View losses, double[] x, double[] prediction) {

    /** At most this many runs are pinned at once. */
    public static final int MAX = 5;

    public PinnedRun {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(losses, "losses");
        if (x.length != prediction.length) {
            throw new IllegalArgumentException("a pinned run's curve needs as many x as predictions, got " + x.length
                    + " and " + prediction.length);
        }
    }

    /** Pins a snapshot's run, labelled by its setup. */
    public static PinnedRun of(Snapshot s) {
        return new PinnedRun(describe(s.config()), s.losses(), s.gridX(), s.prediction());
    }

    /**
     * A short name for a setup: the hidden sizes, their activations (one name if all agree) and the
     * learning rate, e.g. {@code 10-10 sigmoid, lr 0.1}; {@code linear, lr 0.01} without hidden layers.
     */
    public static String describe(TrainingConfig c) {
        var hidden = c.network().layers().subList(0, c.network().layers().size() - 1);
        String sizes = hidden.stream().map(l -> Integer.toString(l.units())).collect(Collectors.joining("-"));
        Set<String> activations = new LinkedHashSet<>();
        for (LayerSpec l : hidden) {
            activations.add(l.activation().wireName());
        }
        String net = hidden.isEmpty() ? "linear" : sizes + " " + String.join("/", activations);
        return net + ", lr " + org.backpropstudio.i18n.NumberText.plain(c.optimizer().learningRate());
    }
}

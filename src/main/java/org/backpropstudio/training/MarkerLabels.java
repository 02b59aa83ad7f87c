package org.backpropstudio.training;

import static org.backpropstudio.i18n.Messages.text;
import static org.backpropstudio.i18n.NumberText.plain;

import java.util.ArrayList;
import java.util.List;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.TrainingConfig;

/** The words of the change markers on the loss chart, for live changes of the running setup. */
final class MarkerLabels {

    private MarkerLabels() {
    }


    /** The label of a change of optimizer settings: "lr 0.1 → 0.3, momentum 0 → 0.9". */
    static String optimizer(OptimizerConfig from, OptimizerConfig to) {
        List<String> parts = new ArrayList<>();
        if (!from.name().equals(to.name())) {
            parts.add(text("marker.optimizer", from.name(), to.name()));
        }
        if (from.learningRate() != to.learningRate()) {
            parts.add("lr " + plain(from.learningRate()) + " → " + plain(to.learningRate()));
        }
        if (from instanceof OptimizerConfig.ReboundSgd a && to instanceof OptimizerConfig.ReboundSgd b
                && a.momentum() != b.momentum()) {
            parts.add(text("marker.momentum", plain(a.momentum()), plain(b.momentum())));
        }
        if (from instanceof OptimizerConfig.Sgd a && to instanceof OptimizerConfig.Sgd b) {
            if (a.momentum() != b.momentum()) {
                parts.add(text("marker.momentum", plain(a.momentum()), plain(b.momentum())));
            }
            if (a.nesterov() != b.nesterov()) {
                parts.add(text(b.nesterov() ? "marker.nesterovOn" : "marker.nesterovOff"));
            }
        }
        if (!from.decay().equals(to.decay())) {
            parts.add(text("marker.decay", from.decay(), to.decay()));
        }
        return String.join(", ", parts);
    }

    /** The label of a change of batching from {@code config}'s to {@code b}'s. */
    static String batching(TrainingConfig config, Command.SetBatching b) {
        List<String> parts = new ArrayList<>();
        if (b.batchSize() != config.batchSize()) {
            parts.add(text("marker.batch", batchText(config.batchSize()), batchText(b.batchSize())));
        }
        if (b.shuffle() != config.shuffle()) {
            parts.add(text(b.shuffle() ? "marker.shuffleOn" : "marker.shuffleOff"));
        }
        if (b.dropLast() != config.dropLast()) {
            parts.add(text(b.dropLast() ? "marker.dropLastOn" : "marker.dropLastOff"));
        }
        return String.join(", ", parts);
    }

    private static String batchText(int batchSize) {
        return batchSize == 0 ? text("editor.batch.full") : Integer.toString(batchSize);
    }
}

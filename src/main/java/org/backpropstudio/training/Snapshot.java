package org.backpropstudio.training;

import java.util.List;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.NetworkSpec;
import org.backpropstudio.engine.TrainingConfig;

/**
 * Everything the studio draws, as of one moment: an immutable value published by the training
 * service. Arrays in it are copies nobody writes to.
 *
 * @param sequence        increases with every snapshot published
 * @param state           what the service is doing
 * @param epoch           epochs trained since the last (re)initialization
 * @param trainLoss       the last epoch's train loss (NaN before the first epoch)
 * @param testLoss        the last epoch's test loss (NaN before the first epoch)
 * @param trainAccuracy   a classifier's share of training samples classified right after the last
 *                        epoch (NaN for regression or before the first epoch)
 * @param testAccuracy    the same on the test samples
 * @param epochsPerSecond measured over the last second of training (0 when paused)
 * @param config          the setup being trained, as applied
 * @param network         the architecture
 * @param weights         weights[k] is layer k's W as rows (in × out)
 * @param biases          biases[k] is layer k's b, or null for a layer without bias
 * @param gridX           x of the prediction curve, evenly spaced over the data range (empty for a
 *                        classifier: its class maps come with its views)
 * @param prediction      the network's output at gridX
 * @param train           the training samples (empty when streaming)
 * @param test            the test samples
 * @param losses          the loss history, bucketed
 * @param accuracies      a classifier's train and test accuracy history, bucketed (empty for regression)
 * @param markers         live changes, in order
 * @param event           what just happened: its kind for the view model, its words for the status bar
 * @param problem         why training stopped, for a banner, or null
 * @param gradients       the last gradient check asked for, or null
 * @param health          how well gradients flow through each layer
 * @param inspection      the backprop inspector's trace, or null when it is closed
 * @param contributions   the last hidden layer's units' shares of the output at gridX, or null
 *                        (no hidden layer, several outputs, or more than 32 units)
 * @param classes         what a classifier's views draw (the plane's maps, the digits' predictions),
 *                        or null for regression
 * @param muted           the muted hidden units
 * @param commandsHandled commands applied or refused so far (each submitted command counts once)
 * @param generation      restarts so far (Reset, a new setup, a loaded network): the epoch only
 *                        goes back when this goes up
 */
public record Snapshot(long sequence, TrainingState state, int epoch, double trainLoss, double testLoss,
                       double trainAccuracy, double testAccuracy,
                       double epochsPerSecond, TrainingConfig config, NetworkSpec network, List<double[][]> weights,
                       List<double[]> biases, double[] gridX, double[] prediction, Dataset train, Dataset test,
                       LossCurve.View losses, LossCurve.View accuracies, List<Marker> markers, ServiceEvent event, String problem,
                       GradientReport gradients, GradientHealth health, Inspection inspection,
                       Contributions contributions, ClassReport classes, List<HiddenUnit> muted, long commandsHandled,
                       long generation) {

    /** The event's words for the status bar, in the current language ("" if nothing happened). */
    public String message() {
        return event.text();
    }
}

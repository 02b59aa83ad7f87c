package org.backpropstudio.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.backpropstudio.engine.DenseLayer;
import org.backpropstudio.engine.LossKind;
import org.backpropstudio.engine.Matrices;
import org.backpropstudio.engine.Network;
import org.backpropstudio.engine.NetworkSpec;

/**
 * The content of a {@code *.weights.json} file: architecture, loss, parameters and, optionally,
 * how the network was trained.
 *
 * @param network  the architecture
 * @param loss     the loss it was trained with
 * @param weights  weights[k] is layer k's W as rows (in × out)
 * @param biases   biases[k] is layer k's b (out), or null for a layer without bias
 * @param training provenance, or null
 */
public record WeightsFile(NetworkSpec network, LossKind loss, List<double[][]> weights, List<double[]> biases,
                          TrainingInfo training) {

    public WeightsFile {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(loss, "loss");
        weights = List.copyOf(weights);
        biases = new ArrayList<>(biases); // may hold nulls
    }

    /** A snapshot of a network's parameters (copied). */
    public static WeightsFile of(Network network, LossKind loss, TrainingInfo training) {
        List<double[][]> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (DenseLayer layer : network.layers()) {
            w.add(Matrices.toRows(layer.weights()));
            b.add(layer.hasBias() ? layer.bias().data.clone() : null);
        }
        return new WeightsFile(network.spec(), loss, w, b, training);
    }

    /** A network with these parameters. */
    public Network toNetwork() {
        return Network.fromParameters(network, weights, biases);
    }
}

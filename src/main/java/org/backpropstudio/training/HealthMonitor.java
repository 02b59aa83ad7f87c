package org.backpropstudio.training;

import java.util.ArrayList;
import java.util.List;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.DenseLayer;
import org.backpropstudio.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Collects {@link GradientHealth} on the training thread: a gradient norm per layer after every
 * epoch (a few hundred additions), and the dead and saturated shares from one forward pass over
 * at most {@link #SAMPLES} training samples, at most twice a second.
 */
final class HealthMonitor {

    /** Recent epochs kept. */
    static final int WINDOW = 200;
    static final int SAMPLES = 256;
    private static final long SHARES_INTERVAL_NS = 500_000_000L;

    private double[][] norms = new double[0][WINDOW];
    private final int[] epochs = new int[WINDOW];
    private int count;
    private int next;
    private double[] dead = new double[0];
    private double[] saturated = new double[0];
    private long sharesAt = Long.MIN_VALUE;

    /** Forgets everything (a new network). */
    void clear() {
        count = 0;
        next = 0;
        norms = new double[0][WINDOW];
        sharesAt = Long.MIN_VALUE;
    }

    /** After an epoch: the norm of each layer's ∂L/∂W from the epoch's last step. */
    void recordEpoch(int epoch, Network network) {
        List<DenseLayer> layers = network.layers();
        if (norms.length != layers.size()) {
            norms = new double[layers.size()][WINDOW];
            count = 0;
            next = 0;
        }
        for (int k = 0; k < layers.size(); k++) {
            double[] g = layers.get(k).weightGradient().data;
            int n = layers.get(k).weightGradient().getNumElements();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += g[i] * g[i];
            }
            norms[k][next] = Math.log10(Math.sqrt(sum));
        }
        epochs[next] = epoch;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
    }

    /** The health now; the shares are recomputed when older than half a second (or forced). */
    GradientHealth snapshot(Network network, Dataset data, boolean force) {
        long now = System.nanoTime();
        if (force || now - sharesAt > SHARES_INTERVAL_NS || dead.length != network.layers().size()) {
            shares(network, data);
            sharesAt = now;
        }
        List<String> captions = new ArrayList<>();
        for (int k = 0; k < network.layers().size(); k++) {
            DenseLayer l = network.layers().get(k);
            String symbol = l.activation().symbol();
            captions.add("layer " + (k + 1) + (symbol.isEmpty() ? "" : " (" + symbol + ")"));
        }
        int layers = norms.length == network.layers().size() ? norms.length : 0;
        int[] e = new int[count];
        double[][] h = new double[layers][count];
        int first = (next - count + WINDOW) % WINDOW;
        for (int i = 0; i < count; i++) {
            int at = (first + i) % WINDOW;
            e[i] = epochs[at];
            for (int k = 0; k < layers; k++) {
                h[k][i] = norms[k][at];
            }
        }
        return new GradientHealth(captions, e, h, dead.clone(), saturated.clone());
    }

    private void shares(Network network, Dataset data) {
        List<DenseLayer> layers = network.layers();
        dead = new double[layers.size()];
        saturated = new double[layers.size()];
        java.util.Arrays.fill(dead, Double.NaN);
        java.util.Arrays.fill(saturated, Double.NaN);
        int n = Math.min(SAMPLES, data.size());
        if (n == 0) {
            return;
        }
        DMatrixRMaj x = CommonOps_DDRM.extract(data.x(), 0, n, 0, data.x().numCols);
        network.forward(x);
        for (int k = 0; k < layers.size() - 1; k++) {
            DenseLayer l = layers.get(k);
            DMatrixRMaj z = l.preActivation();
            DMatrixRMaj a = l.output();
            int units = l.units();
            Activation f = l.activation();
            if (f == Activation.RELU || f == Activation.LEAKY_RELU) {
                int deadUnits = 0;
                for (int j = 0; j < units; j++) {
                    boolean everActive = false;
                    for (int r = 0; r < n && !everActive; r++) {
                        everActive = z.get(r, j) > 0;
                    }
                    deadUnits += everActive ? 0 : 1;
                }
                dead[k] = (double) deadUnits / units;
            } else if (f == Activation.SIGMOID || f == Activation.TANH) {
                int flat = 0;
                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < units; j++) {
                        if (Math.abs(f.derivative(z.get(r, j), a.get(r, j))) < GradientHealth.SATURATION) {
                            flat++;
                        }
                    }
                }
                saturated[k] = (double) flat / (n * units);
            }
        }
    }
}

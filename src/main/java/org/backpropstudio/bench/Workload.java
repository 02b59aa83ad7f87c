package org.backpropstudio.bench;

import java.util.List;
import java.util.function.Supplier;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Initializer;
import org.backpropstudio.engine.LayerSpec;
import org.backpropstudio.engine.Loss;
import org.backpropstudio.engine.LossKind;
import org.backpropstudio.engine.NetworkSpec;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.Reduction;
import org.backpropstudio.engine.TargetFunction;
import org.backpropstudio.engine.TrainingConfig;
import org.backpropstudio.io.PresetCatalog;

/**
 * The speed workloads of the engine issue, shared by the CLI's {@code bench} and the JMH
 * benchmarks.
 *
 * <ul>
 *   <li>W1: {@code classic-sigmoid}, 1-10-10-1, per-sample SGD, 50 samples, 2000 epochs;</li>
 *   <li>W2: 1-64-64-1 tanh, batch 32, 1024 samples, 200 epochs;</li>
 *   <li>W3: 1-256-256-256-1 relu, batch 256, 8192 samples, 20 epochs;</li>
 *   <li>W4: {@code digits-softmax} exactly, on the bundled digits: 784-64-32-10 relu, batches of 200
 *       drawn with replacement, 5 000 steps, with its accuracy passes over the 7 200 training and
 *       800 validation digits after every 36 steps.</li>
 * </ul>
 */
public enum Workload {
    W1("classic-sigmoid 1-10-10-1, batch 1, 50 samples", () -> Presets.get("classic-sigmoid")),
    W2("1-64-64-1 tanh, batch 32, 1024 samples",
            () -> mlp(64, 2, Activation.TANH, 32, 1024, 200, new Initializer.XavierNormal())),
    W3("1-256-256-256-1 relu, batch 256, 8192 samples",
            () -> mlp(256, 3, Activation.RELU, 256, 8192, 20, new Initializer.He())),
    W4("digits-softmax 784-64-32-10, batch 200, passes",
            () -> PresetCatalog.get(Presets.DIGITS_SOFTMAX).config());

    private final String description;
    private final Supplier<TrainingConfig> make;
    /** Made when first asked for: W4 reads the bundled digits. */
    private volatile TrainingConfig config;

    Workload(String description, Supplier<TrainingConfig> make) {
        this.description = description;
        this.make = make;
    }

    public String description() {
        return description;
    }

    /** The full workload's config (its epochs, or its step limit, are the workload's length). */
    public TrainingConfig config() {
        TrainingConfig c = config;
        if (c == null) {
            c = make.get();
            config = c;
        }
        return c;
    }

    /**
     * Epochs timed in one run: the whole workload with {@code full}; else W3's first 2 epochs and
     * W4's first 28 (1 008 of its 5 000 steps, with their accuracy passes).
     */
    public int epochs(boolean full) {
        return full ? config().epochs() : this == W3 ? 2 : this == W4 ? 28 : config().epochs();
    }

    /** Sample-steps in an epoch: its batches times their size (W4: 36 × 200 of its 7 200 digits). */
    public int samplesPerEpoch() {
        TrainingConfig c = config();
        if (c.replacement()) {
            return c.data().trainCount() / c.batchSize() * c.batchSize();
        }
        return c.data().trainCount();
    }

    /**
     * Floating-point operations of one sample-step's three products (multiply and add counted
     * separately): forward X·W, backward Xᵀ·dZ, and dZ·Wᵀ for every layer but the first.
     * Activations, loss and update are not counted.
     */
    public long flopsPerSampleStep() {
        long flops = 0;
        int in = config().network().inputs();
        boolean first = true;
        for (LayerSpec l : config().network().layers()) {
            long macs = (long) in * l.units();
            flops += 2 * macs + 2 * macs + (first ? 0 : 2 * macs);
            first = false;
            in = l.units();
        }
        return flops;
    }

    private static TrainingConfig mlp(int width, int hidden, Activation activation, int batch, int samples,
                                      int epochs, Initializer init) {
        List<LayerSpec> layers = new java.util.ArrayList<>();
        for (int i = 0; i < hidden; i++) {
            layers.add(new LayerSpec(width, activation));
        }
        layers.add(new LayerSpec(1, Activation.IDENTITY));
        return new TrainingConfig(new NetworkSpec(1, layers), init, new Initializer.Constant(0),
                new Loss(LossKind.HALF_MSE, Reduction.MEAN), new OptimizerConfig.Sgd(0.001),
                batch, true, false, epochs, 0,
                new DataSpec.FunctionData(TargetFunction.SIN, -Math.PI, Math.PI, samples, 16, 0,
                        DataSpec.Sampling.RANDOM, false));
    }
}

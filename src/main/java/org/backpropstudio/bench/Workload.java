package org.backpropstudio.bench;

import java.util.List;
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

/**
 * The speed workloads of the engine issue, shared by the CLI's {@code bench} and the JMH
 * benchmarks.
 *
 * <ul>
 *   <li>W1: {@code classic-sigmoid}, 1-10-10-1, per-sample SGD, 50 samples, 2000 epochs;</li>
 *   <li>W2: 1-64-64-1 tanh, batch 32, 1024 samples, 200 epochs;</li>
 *   <li>W3: 1-256-256-256-1 relu, batch 256, 8192 samples, 20 epochs.</li>
 * </ul>
 */
public enum Workload {
    W1("classic-sigmoid 1-10-10-1, batch 1, 50 samples", Presets.get("classic-sigmoid")),
    W2("1-64-64-1 tanh, batch 32, 1024 samples", mlp(64, 2, Activation.TANH, 32, 1024, 200, new Initializer.XavierNormal())),
    W3("1-256-256-256-1 relu, batch 256, 8192 samples", mlp(256, 3, Activation.RELU, 256, 8192, 20, new Initializer.He()));

    private final String description;
    private final TrainingConfig config;

    Workload(String description, TrainingConfig config) {
        this.description = description;
        this.config = config;
    }

    public String description() {
        return description;
    }

    /** The full workload's config (its epochs are the workload's length). */
    public TrainingConfig config() {
        return config;
    }

    /** Training samples per epoch. */
    public int samplesPerEpoch() {
        return config.data().trainCount();
    }

    /**
     * Floating-point operations of one sample-step's three products (multiply and add counted
     * separately): forward X·W, backward Xᵀ·dZ, and dZ·Wᵀ for every layer but the first.
     * Activations, loss and update are not counted.
     */
    public long flopsPerSampleStep() {
        long flops = 0;
        int in = config.network().inputs();
        boolean first = true;
        for (LayerSpec l : config.network().layers()) {
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

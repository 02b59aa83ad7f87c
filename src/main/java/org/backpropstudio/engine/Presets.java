package org.backpropstudio.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classic tutorial setups, exactly as DESIGN.md's preset table describes them. Each is a
 * complete {@link TrainingConfig} with seed 0.
 */
public final class Presets {

    /** The default preset. */
    public static final String DEFAULT = "classic-sigmoid";

    private static final Map<String, TrainingConfig> PRESETS = new LinkedHashMap<>();

    static {
        double twoPi = 2 * Math.PI;
        // 1 → 10 σ → 10 σ → 1, W ~ N(0, 1), b = 0, ½(p − y)², per-sample SGD in order, lr 0.1
        PRESETS.put("classic-sigmoid", new TrainingConfig(
                new NetworkSpec(1, List.of(new LayerSpec(10, Activation.SIGMOID), new LayerSpec(10, Activation.SIGMOID),
                        new LayerSpec(1, Activation.IDENTITY))),
                new Initializer.Normal(0, 1), new Initializer.Constant(0),
                new Loss(LossKind.HALF_MSE, Reduction.MEAN), new OptimizerConfig.Sgd(0.1),
                1, false, false, 2000, 0,
                new DataSpec.FunctionData(TargetFunction.SIN, -twoPi, twoPi, 50, 10, 0, DataSpec.Sampling.RANDOM, false)));
        // 1 → 16 relu → 32 relu → 1, W, b ~ N(0, 1), mean |p − y|, lr 0.001, a fresh batch of 16 every step
        PRESETS.put("relu-mae", new TrainingConfig(
                new NetworkSpec(1, List.of(new LayerSpec(16, Activation.RELU), new LayerSpec(32, Activation.RELU),
                        new LayerSpec(1, Activation.IDENTITY))),
                new Initializer.Normal(0, 1), new Initializer.Normal(0, 1),
                new Loss(LossKind.MAE, Reduction.MEAN), new OptimizerConfig.Sgd(0.001),
                16, false, false, 10_000, 0,
                new DataSpec.FunctionData(TargetFunction.SIN, -5, 5, 0, 100, 0, DataSpec.Sampling.RANDOM, true)));
        // 1 → 16 → 64 → 16 → 1 relu, W ~ N(0, 0.01²), b = 0, as seed 002's code computes it:
        // ½(p − y)² reported as the batch mean while MSE.backward returns p − y undivided (the
        // step follows the batch sum); SGD.step rebinds v, so momentum 0.9 never acts (plain SGD,
        // lr 0.01); 100 points drawn with replacement from 200 of sin x + noise on [−π, π];
        // batch 4 shuffled, drop last; range(1, 1000) is 999 epochs
        PRESETS.put("deep-momentum", new TrainingConfig(
                new NetworkSpec(1, List.of(new LayerSpec(16, Activation.RELU), new LayerSpec(64, Activation.RELU),
                        new LayerSpec(16, Activation.RELU), new LayerSpec(1, Activation.IDENTITY))),
                new Initializer.Normal(0, 0.01), new Initializer.Constant(0),
                new Loss(LossKind.HALF_MSE, Reduction.SUM),
                new OptimizerConfig.ReboundSgd(0.01, 0.9, WeightDecay.NONE),
                4, true, true, 999, 0,
                new DataSpec.FunctionData(TargetFunction.SIN, -Math.PI, Math.PI, 100, 25, 0.1,
                        DataSpec.Sampling.RESAMPLED, false)));
        // y = w·x, w = 1, (p − y)², lr 0.01, on (1, 2), (2, 4), (3, 6); the test point (4, 8)
        PRESETS.put("linear-neuron", new TrainingConfig(
                new NetworkSpec(1, List.of(new LayerSpec(1, Activation.IDENTITY, false))),
                new Initializer.Constant(1), new Initializer.Constant(0),
                new Loss(LossKind.MSE, Reduction.MEAN), new OptimizerConfig.Sgd(0.01),
                1, false, false, 100, 0,
                new DataSpec.GivenData(Dataset.of(new double[] {1, 2, 3}, new double[] {2, 4, 6}),
                        Dataset.of(new double[] {4}, new double[] {8}))));
        // the plane's classes, each separated within seconds (seed 0; measured with the engine:
        // test accuracy 0.957, 1.000 and 0.996 after 300 epochs, 95 % by epochs 38, 2 and 3):
        // three spiral arms, 600 points with noise 0.1, half for testing, seen through x₁, x₂,
        // sin x₁ and sin x₂ by 2 × 16 relu units (Adam 0.01)
        PRESETS.put("spiral-relu", plane(new DataSpec.PlaneData(PlaneShape.SPIRAL, 3, 600, 0.1, 0.5,
                java.util.EnumSet.of(Feature.X1, Feature.X2, Feature.SIN_X1, Feature.SIN_X2)), Activation.RELU, 16, 0.01));
        // a disc inside a ring, 500 points with noise 0.2, by 2 × 8 relu units (Adam 0.03)
        PRESETS.put("circle-relu", plane(new DataSpec.PlaneData(PlaneShape.CIRCLE, 2, 500, 0.2, 0.5, Feature.COORDINATES),
                Activation.RELU, 8, 0.03));
        // the quadrants, 500 points with noise 0.2, by 2 × 8 tanh units (Adam 0.03)
        PRESETS.put("xor-tanh", plane(new DataSpec.PlaneData(PlaneShape.XOR, 2, 500, 0.2, 0.5, Feature.COORDINATES),
                Activation.TANH, 8, 0.03));
    }

    private Presets() {
    }

    /**
     * A classifier of points of the plane: 2 hidden layers of {@code units}, identity outputs,
     * softmax cross-entropy, Adam, batches of 10 shuffled, 300 epochs, Xavier initial weights.
     */
    private static TrainingConfig plane(DataSpec.PlaneData data, Activation activation, int units, double lr) {
        return new TrainingConfig(
                new NetworkSpec(data.features().size(), List.of(new LayerSpec(units, activation),
                        new LayerSpec(units, activation), new LayerSpec(data.classes(), Activation.IDENTITY))),
                new Initializer.XavierNormal(), new Initializer.Constant(0),
                new Loss(LossKind.SOFTMAX_CROSS_ENTROPY, Reduction.MEAN), new OptimizerConfig.Adam(lr),
                10, true, false, 300, 0, data);
    }

    /**
     * The names of the presets whose task is of the given kind (the studio shows regression's
     * until its classification views come).
     */
    public static List<String> names(Class<? extends Task> kind) {
        return PRESETS.entrySet().stream().filter(e -> kind.isInstance(e.getValue().data().task()))
                .map(java.util.Map.Entry::getKey).toList();
    }

    /** The digit classifier's name: its data is read from files, so it is made by {@link #digitsSoftmax}. */
    public static final String DIGITS_SOFTMAX = "digits-softmax";
    /** The digit tutorial's steps, batch size and share held out for validation. */
    public static final int DIGITS_STEPS = 5000;
    public static final int DIGITS_BATCH = 200;
    public static final double DIGITS_VALIDATION_SHARE = 0.1;

    /**
     * The digit tutorial exactly: 784 → 64 relu → 32 relu → 10 identity, W ~ 0.01·N(0, 1), b = 0,
     * softmax cross-entropy averaged over the batch, plain SGD at lr 0.01, batches of 200 drawn
     * with replacement at each step, 5 000 steps; an epoch is ⌊train size / 200⌋ steps, after which
     * the training and validation accuracies are measured.
     *
     * @param train      the training digits (n × 784, one-hot n × 10), without the validation ones
     * @param validation the digits held out for validation, reported as the "test" set each epoch
     */
    public static TrainingConfig digitsSoftmax(Dataset train, Dataset validation) {
        int perEpoch = Math.max(1, train.size() / DIGITS_BATCH);
        int epochs = (DIGITS_STEPS + perEpoch - 1) / perEpoch;
        return new TrainingConfig(
                new NetworkSpec(train.x().numCols, List.of(new LayerSpec(64, Activation.RELU),
                        new LayerSpec(32, Activation.RELU), new LayerSpec(10, Activation.IDENTITY))),
                new Initializer.Normal(0, 0.01), new Initializer.Constant(0),
                new Loss(LossKind.SOFTMAX_CROSS_ENTROPY, Reduction.MEAN), new OptimizerConfig.Sgd(0.01),
                DIGITS_BATCH, false, false, epochs, 0, new DataSpec.LabelledData(train, validation, 10), true,
                DIGITS_STEPS);
    }

    /** Preset names in display order, the default first. */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    /**
     * The preset's config.
     *
     * @throws IllegalArgumentException naming the unknown preset and the known ones
     */
    public static TrainingConfig get(String name) {
        TrainingConfig c = PRESETS.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown preset '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return c;
    }
}

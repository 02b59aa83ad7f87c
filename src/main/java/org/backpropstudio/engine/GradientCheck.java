package org.backpropstudio.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Compares backpropagation's gradients with central differences, parameter by parameter:
 *
 * <pre>
 * numeric  = (L(w + ε) − L(w − ε)) / 2ε          for every entry w of every W and b
 * absolute = |analytic − numeric|
 * relative = absolute / max(|analytic|, |numeric|, floor),   floor = 1e-3·max(1, |L|, max|p|)
 * </pre>
 *
 * The floor keeps the relative error meaningful where both gradients are (nearly) zero: in double
 * precision, central differences cannot resolve a gradient below about {@code 1e-16·s/ε}, where
 * s is the size of the numbers the loss is computed from (the loss L and the predictions p: a
 * confident softmax has a small L but large logits). A gradient much smaller than that is
 * compared by its absolute difference against the floor; a wrong gradient still fails unless its
 * error is below about {@code 1e-8·max(1, |L|, max|p|)}.
 *
 * <p>Where the loss has a kink (relu and leaky relu at z = 0, mae at p = y, huber at |p − y| = δ),
 * a central difference that straddles it measures neither side's slope. An entry whose ±ε steps
 * switch any such piece (a unit turning on or off, a residual changing sign) is therefore not
 * compared but counted as {@code straddled}; the check passes only if it compared something.
 * The network's parameters are restored exactly after the check.
 */
public final class GradientCheck {

    /** The step ε of the central differences. */
    public static final double DEFAULT_EPSILON = 1e-5;
    /** The smallest denominator of the relative error, as a fraction of max(1, |L|, max|p|). */
    public static final double RELATIVE_FLOOR = 1e-3;
    /** The quality bar: a relative error at or above this fails the check. */
    public static final double TOLERANCE = 1e-6;

    /**
     * The differences of one parameter tensor.
     *
     * @param parameter   {@code W1}, {@code b1}, ...
     * @param layer       1 for the first layer
     * @param entries     number of entries checked (all of them, unless the check was given a budget)
     * @param straddled   entries not compared because ±ε crossed a kink
     * @param maxAbsolute max |analytic − numeric| over the compared entries
     * @param maxRelative max relative error (see the class comment) over the compared entries
     */
    public record Entry(String parameter, int layer, int entries, int straddled, double maxAbsolute,
                        double maxRelative) {
        public boolean passed() {
            return maxRelative < TOLERANCE;
        }
    }

    /** The check's outcome: one entry per parameter tensor, and the ε used. */
    public record Result(List<Entry> entries, double epsilon, double loss) {
        /** True when every compared entry is within tolerance and at least one was compared. */
        public boolean passed() {
            return entries.stream().allMatch(Entry::passed) && compared() > 0;
        }

        /** Entries compared, over all parameters. */
        public int compared() {
            return entries.stream().mapToInt(e -> e.entries() - e.straddled()).sum();
        }

        /** Entries not compared because their ±ε steps crossed a kink. */
        public int straddled() {
            return entries.stream().mapToInt(Entry::straddled).sum();
        }

        public double maxRelative() {
            return entries.stream().mapToDouble(Entry::maxRelative).max().orElse(0);
        }
    }

    private GradientCheck() {
    }

    /**
     * Runs the check on one batch.
     *
     * @param network the network; its parameters are perturbed and restored exactly
     * @param loss    the loss and reduction
     * @param x       X (batch × in). Not modified.
     * @param y       Y (batch × out). Not modified.
     */
    public static Result run(Network network, Loss loss, DMatrixRMaj x, DMatrixRMaj y, double epsilon) {
        return compare(network, loss, x, y, backpropGradients(network, loss, x, y), epsilon, Integer.MAX_VALUE);
    }

    /**
     * Runs the check on at most {@code perParameter} entries of each parameter tensor, spread
     * evenly over it (entry ⌊k·n/perParameter⌋ for k = 0, 1, …): each entry costs two forward passes,
     * so a large network is checked on a sample of its weights in bounded time.
     */
    public static Result run(Network network, Loss loss, DMatrixRMaj x, DMatrixRMaj y, double epsilon,
                             int perParameter) {
        return compare(network, loss, x, y, backpropGradients(network, loss, x, y), epsilon, perParameter);
    }

    /**
     * The gradients backpropagation computes: one forward and one backward pass.
     *
     * @return a copy of every parameter's gradient, in {@link Network#parameters()} order
     */
    public static List<DMatrixRMaj> backpropGradients(Network network, Loss loss, DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj prediction = network.forward(x);
        DMatrixRMaj dPrediction = new DMatrixRMaj(1, 1);
        loss.forwardBackward(prediction, y, dPrediction);
        network.backward(dPrediction);
        List<DMatrixRMaj> gradients = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            gradients.add(p.gradient().copy());
        }
        return gradients;
    }

    /**
     * Compares given gradients with central differences of the reduced loss.
     *
     * @param analytic one matrix per parameter, in {@link Network#parameters()} order. Not modified.
     */
    public static Result compare(Network network, Loss loss, DMatrixRMaj x, DMatrixRMaj y,
                                 List<DMatrixRMaj> analytic, double epsilon) {
        return compare(network, loss, x, y, analytic, epsilon, Integer.MAX_VALUE);
    }

    private static Result compare(Network network, Loss loss, DMatrixRMaj x, DMatrixRMaj y,
                                  List<DMatrixRMaj> analytic, double epsilon, int perParameter) {
        if (perParameter < 1) {
            throw new IllegalArgumentException("the check needs at least 1 entry per parameter, got " + perParameter);
        }
        double lossValue = batchLoss(network, loss, x, y);
        BitSet pieces = pieces(network, loss, y);
        double scale = Math.max(1, Math.abs(lossValue));
        DMatrixRMaj p0 = network.layers().get(network.layers().size() - 1).output();
        for (int i = 0; i < p0.getNumElements(); i++) {
            scale = Math.max(scale, Math.abs(p0.data[i]));
        }
        double floor = RELATIVE_FLOOR * scale;
        List<Entry> entries = new ArrayList<>();
        for (int k = 0; k < network.parameters().size(); k++) {
            Parameter p = network.parameters().get(k);
            double[] w = p.value().data;
            double[] a = analytic.get(k).data;
            double maxAbs = 0;
            double maxRel = 0;
            int straddled = 0;
            int n = p.value().getNumElements();
            int checked = Math.min(n, perParameter);
            for (int c = 0; c < checked; c++) {
                int i = checked == n ? c : (int) ((long) c * n / checked);
                double saved = w[i];
                w[i] = saved + epsilon;
                double plus = batchLoss(network, loss, x, y);
                boolean samePieces = pieces(network, loss, y).equals(pieces);
                w[i] = saved - epsilon;
                double minus = batchLoss(network, loss, x, y);
                samePieces &= pieces(network, loss, y).equals(pieces);
                w[i] = saved;
                if (!samePieces) {
                    straddled++;
                    continue;
                }
                double numeric = (plus - minus) / (2 * epsilon);
                double abs = Math.abs(a[i] - numeric);
                double rel = abs / Math.max(Math.max(Math.abs(a[i]), Math.abs(numeric)), floor);
                // written so that a NaN difference counts as the worst
                if (!(abs <= maxAbs)) {
                    maxAbs = abs;
                }
                if (!(rel <= maxRel)) {
                    maxRel = rel;
                }
            }
            entries.add(new Entry(p.name(), Integer.parseInt(p.name().substring(1)), checked, straddled, maxAbs,
                    maxRel));
        }
        return new Result(List.copyOf(entries), epsilon, lossValue);
    }

    /**
     * Which side of each kink the last forward pass is on: one bit per relu/leaky-relu
     * pre-activation (z &gt; 0) and, for mae and huber, per residual (p &gt; y; |p − y| ≤ δ).
     */
    private static BitSet pieces(Network network, Loss loss, DMatrixRMaj y) {
        BitSet bits = new BitSet();
        int bit = 0;
        for (DenseLayer layer : network.layers()) {
            Activation f = layer.activation();
            if (f == Activation.RELU || f == Activation.LEAKY_RELU) {
                DMatrixRMaj z = layer.preActivation();
                for (int i = 0; i < z.getNumElements(); i++) {
                    bits.set(bit++, z.data[i] > 0);
                }
            }
        }
        DMatrixRMaj p = network.layers().get(network.layers().size() - 1).output();
        if (loss.kind() == LossKind.MAE || loss.kind() == LossKind.HUBER) {
            for (int i = 0; i < p.getNumElements(); i++) {
                double d = p.data[i] - y.data[i];
                bits.set(bit++, d > 0);
                bits.set(bit++, Math.abs(d) <= LossKind.HUBER_DELTA);
            }
        }
        return bits;
    }

    private static double batchLoss(Network network, Loss loss, DMatrixRMaj x, DMatrixRMaj y) {
        return loss.reduce(loss.sumOfSampleLosses(network.forward(x), y), x.numRows);
    }
}

package org.backpropstudio.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Compares backpropagation's gradients with central differences, parameter by parameter:
 *
 * <pre>
 * numeric  = (L(w + ε) − L(w − ε)) / 2ε          for every entry w of every W and b
 * absolute = |analytic − numeric|
 * relative = absolute / max(|analytic|, |numeric|, floor)
 * </pre>
 *
 * The floor keeps the relative error meaningful where both gradients are (nearly) zero: central
 * differences in double precision cannot resolve a gradient below about {@code 1e-16·|L|/ε}, so
 * for gradients smaller than the floor the check compares the absolute difference with the
 * floor instead. The network's parameters are restored exactly after the check.
 */
public final class GradientCheck {

    /** The step ε of the central differences. */
    public static final double DEFAULT_EPSILON = 1e-6;
    /** The smallest denominator of the relative error. */
    public static final double RELATIVE_FLOOR = 1e-4;
    /** The quality bar: a relative error at or above this fails the check. */
    public static final double TOLERANCE = 1e-6;

    /**
     * The differences of one parameter tensor.
     *
     * @param parameter   {@code W1}, {@code b1}, ...
     * @param layer       1 for the first layer
     * @param entries     number of entries compared
     * @param maxAbsolute max |analytic − numeric|
     * @param maxRelative max relative error (see the class comment)
     */
    public record Entry(String parameter, int layer, int entries, double maxAbsolute, double maxRelative) {
        public boolean passed() {
            return maxRelative < TOLERANCE;
        }
    }

    /** The check's outcome: one entry per parameter tensor, and the ε used. */
    public record Result(List<Entry> entries, double epsilon, double loss) {
        public boolean passed() {
            return entries.stream().allMatch(Entry::passed);
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
        // analytic gradients from one forward and backward pass
        DMatrixRMaj prediction = network.forward(x);
        DMatrixRMaj dPrediction = new DMatrixRMaj(1, 1);
        double lossValue = loss.reduce(loss.forwardBackward(prediction, y, dPrediction), x.numRows);
        network.backward(dPrediction);
        List<DMatrixRMaj> analytic = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            analytic.add(p.gradient().copy());
        }

        List<Entry> entries = new ArrayList<>();
        for (int k = 0; k < network.parameters().size(); k++) {
            Parameter p = network.parameters().get(k);
            double[] w = p.value().data;
            double[] a = analytic.get(k).data;
            double maxAbs = 0;
            double maxRel = 0;
            int n = p.value().getNumElements();
            for (int i = 0; i < n; i++) {
                double saved = w[i];
                w[i] = saved + epsilon;
                double plus = batchLoss(network, loss, x, y);
                w[i] = saved - epsilon;
                double minus = batchLoss(network, loss, x, y);
                w[i] = saved;
                double numeric = (plus - minus) / (2 * epsilon);
                double abs = Math.abs(a[i] - numeric);
                double rel = abs / Math.max(Math.max(Math.abs(a[i]), Math.abs(numeric)), RELATIVE_FLOOR);
                if (!(abs <= maxAbs)) {
                    maxAbs = abs;
                }
                if (!(rel <= maxRel)) {
                    maxRel = rel;
                }
            }
            entries.add(new Entry(p.name(), Integer.parseInt(p.name().substring(1)), n, maxAbs, maxRel));
        }
        return new Result(List.copyOf(entries), epsilon, lossValue);
    }

    private static double batchLoss(Network network, Loss loss, DMatrixRMaj x, DMatrixRMaj y) {
        return loss.reduce(loss.sumOfSampleLosses(network.forward(x), y), x.numRows);
    }
}

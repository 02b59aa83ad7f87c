package org.backpropstudio.engine;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * How a weight matrix or bias row gets its initial values. Chosen separately for weights and
 * biases. Written and parsed as text: {@code normal(0,1)}, {@code uniform(-1,1)},
 * {@code xavier_normal}, {@code xavier_uniform}, {@code he}, {@code constant(0)}.
 */
public sealed interface Initializer {

    /**
     * One initial value for a parameter of a layer with the given fan-in and fan-out.
     *
     * @param fanIn  the layer's inputs
     * @param fanOut the layer's units
     */
    double sample(int fanIn, int fanOut, RandomGenerator random);

    /** The text form, which {@link #parse} reads back. */
    String text();

    /**
     * Fills every entry of {@code m} in row-major order.
     *
     * @param m the parameter matrix. Modified.
     */
    default void fill(DMatrixRMaj m, int fanIn, int fanOut, RandomGenerator random) {
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            m.data[i] = sample(fanIn, fanOut, random);
        }
    }

    /** {@code N(mean, std²)}. */
    record Normal(double mean, double std) implements Initializer {
        public Normal {
            requireFinite(mean, "mean");
            if (!(std >= 0) || Double.isInfinite(std)) {
                throw new IllegalArgumentException("normal: std must be a finite number ≥ 0, got " + std);
            }
        }

        @Override
        public double sample(int fanIn, int fanOut, RandomGenerator random) {
            return mean + std * random.nextGaussian();
        }

        @Override
        public String text() {
            return "normal(" + mean + "," + std + ")";
        }
    }

    /** {@code U(low, high)}. */
    record Uniform(double low, double high) implements Initializer {
        public Uniform {
            requireFinite(low, "low");
            requireFinite(high, "high");
            if (!(low <= high)) {
                throw new IllegalArgumentException("uniform: low must not exceed high, got " + low + " > " + high);
            }
        }

        @Override
        public double sample(int fanIn, int fanOut, RandomGenerator random) {
            return low + (high - low) * random.nextDouble();
        }

        @Override
        public String text() {
            return "uniform(" + low + "," + high + ")";
        }
    }

    /** Glorot normal: {@code N(0, 2 / (fanIn + fanOut))}. */
    record XavierNormal() implements Initializer {
        @Override
        public double sample(int fanIn, int fanOut, RandomGenerator random) {
            return Math.sqrt(2.0 / (fanIn + fanOut)) * random.nextGaussian();
        }

        @Override
        public String text() {
            return "xavier_normal";
        }
    }

    /** Glorot uniform: {@code U(−r, r)} with {@code r = √(6 / (fanIn + fanOut))}. */
    record XavierUniform() implements Initializer {
        @Override
        public double sample(int fanIn, int fanOut, RandomGenerator random) {
            double r = Math.sqrt(6.0 / (fanIn + fanOut));
            return -r + 2 * r * random.nextDouble();
        }

        @Override
        public String text() {
            return "xavier_uniform";
        }
    }

    /** He (Kaiming) normal: {@code N(0, 2 / fanIn)}. */
    record He() implements Initializer {
        @Override
        public double sample(int fanIn, int fanOut, RandomGenerator random) {
            return Math.sqrt(2.0 / fanIn) * random.nextGaussian();
        }

        @Override
        public String text() {
            return "he";
        }
    }

    /** Every entry the same value. */
    record Constant(double value) implements Initializer {
        public Constant {
            requireFinite(value, "value");
        }

        @Override
        public double sample(int fanIn, int fanOut, RandomGenerator random) {
            return value;
        }

        @Override
        public String text() {
            return "constant(" + value + ")";
        }
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException naming what is wrong and the forms that are understood
     */
    static Initializer parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        String name = t.contains("(") ? t.substring(0, t.indexOf('(')) : t;
        double[] args = t.contains("(") ? arguments(text, t) : new double[0];
        switch (name) {
            case "normal":
                return args.length == 2 ? new Normal(args[0], args[1]) : bad(text);
            case "uniform":
                return args.length == 2 ? new Uniform(args[0], args[1]) : bad(text);
            case "xavier_normal":
            case "glorot_normal":
                return args.length == 0 ? new XavierNormal() : bad(text);
            case "xavier_uniform":
            case "glorot_uniform":
                return args.length == 0 ? new XavierUniform() : bad(text);
            case "he":
            case "he_normal":
                return args.length == 0 ? new He() : bad(text);
            case "constant":
                return args.length == 1 ? new Constant(args[0]) : bad(text);
            case "zeros":
                return args.length == 0 ? new Constant(0) : bad(text);
            default:
                return bad(text);
        }
    }

    private static double[] arguments(String original, String t) {
        if (!t.endsWith(")")) {
            bad(original);
        }
        String inner = t.substring(t.indexOf('(') + 1, t.length() - 1);
        if (inner.isEmpty()) {
            return new double[0];
        }
        String[] parts = inner.split(",", -1);
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Numbers.parseDecimal(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("initializer '" + original + "': '" + parts[i]
                        + "' is not a number");
            }
        }
        return values;
    }

    private static Initializer bad(String text) {
        throw new IllegalArgumentException("unknown initializer '" + text + "' (known: normal(mean,std), "
                + "uniform(low,high), xavier_normal, xavier_uniform, he, constant(value))");
    }

    private static void requireFinite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + v);
        }
    }
}

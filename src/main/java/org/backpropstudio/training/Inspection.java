package org.backpropstudio.training;

import java.util.ArrayList;
import java.util.List;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.BackpropTrace;
import org.backpropstudio.engine.LossKind;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.WeightDecay;

/**
 * The backprop inspector's content: one sample's trip through the network as a list of stages,
 * forward layer by layer, the loss, backward from the output to the input, the update of each
 * layer, and the update's effect on the sample's loss. A classifier's sample has its class as
 * {@code label} (−1 for a curve's). Every stage names its matrices with their
 * formulas and holds their values; the numbers are the engine's ({@link BackpropTrace}).
 *
 * @param epoch       the epoch whose weights were traced
 * @param sampleIndex which sample (0-based) of {@code dataset}
 * @param dataset     "training" or "test"
 * @param x           the sample's input
 * @param y           its target
 * @param stages      in the order the computation runs
 */
public record Inspection(int epoch, int sampleIndex, String dataset, double x, double y, List<Stage> stages, int label) {

    /** A curve's inspection: its sample has an x and a y, no class. */
    public Inspection(int epoch, int sampleIndex, String dataset, double x, double y, List<Stage> stages) {
        this(epoch, sampleIndex, dataset, x, y, stages, -1);
    }

    /** What part of the computation a stage shows. */
    public enum Phase { FORWARD, LOSS, BACKWARD, UPDATE, EFFECT }

    /**
     * One step of the walk-through.
     *
     * @param layer the layer it is about, from 0, or −1 (the loss and the effect)
     * @param title e.g. "Forward, layer 1 (10 σ)"
     * @param terms the matrices computed, in order
     */
    public record Stage(Phase phase, int layer, String title, List<Term> terms) {
        public Stage {
            terms = List.copyOf(terms);
        }
    }

    /**
     * A named matrix with its formula.
     *
     * @param name    e.g. "z₁"
     * @param formula how it is computed, e.g. "x·W₁ + b₁" ("" for given values)
     * @param values  as rows, (rows × cols)
     */
    public record Term(String name, String formula, double[][] values) {

        public int rows() {
            return values.length;
        }

        public int cols() {
            return values.length == 0 ? 0 : values[0].length;
        }

        /** "(1 × 10)". */
        public String shape() {
            return "(" + rows() + " × " + cols() + ")";
        }
    }

    public Inspection {
        stages = List.copyOf(stages);
    }

    /**
     * The stages of a trace.
     *
     * @param optimizer the rule the update used
     */
    public static Inspection of(BackpropTrace t, LossKind lossKind, OptimizerConfig optimizer, int epoch,
                                int sampleIndex, String dataset) {
        List<Stage> stages = new ArrayList<>();
        int count = t.layers().size();
        for (int k = 0; k < count; k++) {
            BackpropTrace.Layer l = t.layers().get(k);
            String n = sub(k + 1);
            String in = k == 0 ? "x" : "a" + sub(k);
            List<Term> terms = new ArrayList<>();
            terms.add(new Term(in, k == 0 ? org.backpropstudio.i18n.Messages.text("inspection.input") : org.backpropstudio.i18n.Messages.text("inspection.fromLayer", k), l.input()));
            terms.add(new Term("W" + n, "", l.weights()));
            if (l.bias() != null) {
                terms.add(new Term("b" + n, "", l.bias()));
            }
            terms.add(new Term("z" + n, in + "·W" + n + (l.bias() != null ? " + b" + n : ""), l.z()));
            terms.add(new Term("a" + n, function(l.activation()) + "(z" + n + ")", l.a()));
            stages.add(new Stage(Phase.FORWARD, k, org.backpropstudio.i18n.Messages.text("inspection.forward", k + 1, describe(l)), terms));
        }
        String last = sub(count);
        stages.add(new Stage(Phase.LOSS, -1, org.backpropstudio.i18n.Messages.text("inspection.loss", lossKind.wireName()),
                lossKind == LossKind.SOFTMAX_CROSS_ENTROPY ? classifierLoss(t, last) : List.of(
                new Term("ŷ", "a" + last, t.prediction()),
                new Term("y", org.backpropstudio.i18n.Messages.text("inspection.target"), t.y()),
                new Term("ℓ", lossFormula(lossKind), new double[][] {{t.loss()}}),
                new Term("∂L/∂ŷ", lossGradientFormula(lossKind), t.lossGradient()))));
        for (int k = count - 1; k >= 0; k--) {
            BackpropTrace.Layer l = t.layers().get(k);
            String n = sub(k + 1);
            String in = k == 0 ? "x" : "a" + sub(k);
            List<Term> terms = new ArrayList<>();
            terms.add(new Term("∂L/∂a" + n, k == count - 1 ? "∂L/∂ŷ" : "∂L/∂z" + sub(k + 2) + "·W" + sub(k + 2) + "ᵀ",
                    l.dA()));
            terms.add(new Term(function(l.activation()) + "′(z" + n + ")", derivativeFormula(l.activation()),
                    l.fPrime()));
            terms.add(new Term("∂L/∂z" + n, "∂L/∂a" + n + " ⊙ " + function(l.activation()) + "′(z" + n + ")", l.dZ()));
            terms.add(new Term("∂L/∂W" + n, in + "ᵀ·∂L/∂z" + n, l.dW()));
            if (l.dB() != null) {
                terms.add(new Term("∂L/∂b" + n, "∂L/∂z" + n, l.dB()));
            }
            terms.add(new Term("∂L/∂" + in, "∂L/∂z" + n + "·W" + n + "ᵀ", l.dX()));
            stages.add(new Stage(Phase.BACKWARD, k, org.backpropstudio.i18n.Messages.text("inspection.backward", k + 1, describe(l)), terms));
        }
        for (int k = 0; k < count; k++) {
            BackpropTrace.Layer l = t.layers().get(k);
            String n = sub(k + 1);
            List<Term> terms = new ArrayList<>();
            terms.add(new Term("ΔW" + n, rule(optimizer, "W" + n), l.stepW()));
            terms.add(new Term("W" + n + " new", "W" + n + " + ΔW" + n + muteNote(l), add(l.weights(), l.stepW())));
            if (l.bias() != null) {
                terms.add(new Term("Δb" + n, rule(optimizer, "b" + n), l.stepB()));
                terms.add(new Term("b" + n + " new", "b" + n + " + Δb" + n, add(l.bias(), l.stepB())));
            }
            stages.add(new Stage(Phase.UPDATE, k, org.backpropstudio.i18n.Messages.text("inspection.update", k + 1, optimizer.name()), terms));
        }
        stages.add(new Stage(Phase.EFFECT, -1, org.backpropstudio.i18n.Messages.text("inspection.effect"), List.of(
                new Term("ℓ before", "", new double[][] {{t.loss()}}),
                new Term("ℓ after", org.backpropstudio.i18n.Messages.text("inspection.after"), new double[][] {{t.lossAfter()}}),
                new Term("Δℓ", "ℓ after − ℓ before", new double[][] {{t.lossAfter() - t.loss()}}))));
        int label = -1;
        if (lossKind == LossKind.SOFTMAX_CROSS_ENTROPY) {
            label = 0;
            for (int c = 1; c < t.y()[0].length; c++) {
                label = t.y()[0][c] > t.y()[0][label] ? c : label;
            }
        }
        return new Inspection(epoch, sampleIndex, dataset, t.x()[0][0], t.y()[0][0], stages, label);
    }

    /**
     * A classifier's loss stage: the outputs z, their softmax p, the class as one-hot y, ℓ = −log p_y
     * and ∂L/∂z = p − y (the engine's gradient; p here is recomputed from z to show it).
     */
    private static List<Term> classifierLoss(BackpropTrace t, String last) {
        double[][] z = t.prediction();
        double[][] p = new double[z.length][z[0].length];
        for (int r = 0; r < z.length; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z[r]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int c = 0; c < z[r].length; c++) {
                p[r][c] = Math.exp(z[r][c] - max);
                sum += p[r][c];
            }
            for (int c = 0; c < z[r].length; c++) {
                p[r][c] /= sum;
            }
        }
        int label = 0;
        for (int c = 1; c < t.y()[0].length; c++) {
            label = t.y()[0][c] > t.y()[0][label] ? c : label;
        }
        String m = org.backpropstudio.i18n.Messages.text("inspection.classOf", label);
        return List.of(
                new Term("z", "a" + last + " " + org.backpropstudio.i18n.Messages.text("inspection.scores"), z),
                new Term("p", "softmax(z) = eᶻ / Σ eᶻ", p),
                new Term("y", m, t.y()),
                new Term("ℓ", "−log p_y = −log " + org.backpropstudio.i18n.NumberText.significant(p[0][label],
                        org.backpropstudio.i18n.Messages.locale()), new double[][] {{t.loss()}}),
                new Term("∂L/∂z", "p − y", t.lossGradient()));
    }

    /** The update rule of an optimizer for a parameter named p, with its numbers. */
    static String rule(OptimizerConfig o, String p) {
        String g = "∂L/∂" + p;
        String decay = decayNote(o.decay(), p);
        String lr = org.backpropstudio.i18n.NumberText.plain(o.learningRate());
        if (o instanceof OptimizerConfig.Sgd s) {
            if (s.momentum() == 0) {
                return "−lr·" + (decay.isEmpty() ? g : "g") + ", lr = " + lr + decay;
            }
            String mu = org.backpropstudio.i18n.NumberText.plain(s.momentum());
            return (s.nesterov() ? "v ← μ·v + g, −lr·(g + μ·v)" : "v ← μ·v + g, −lr·v") + ", g = " + g
                    + (decay.isEmpty() ? "" : " + decay") + ", lr = " + lr + ", μ = " + mu + decay;
        } else if (o instanceof OptimizerConfig.ReboundSgd r) {
            String d = r.decay().kind() == WeightDecay.Kind.NONE || r.decay().lambda() == 0 ? ""
                    : r.decay().kind() == WeightDecay.Kind.L2 ? " + λ·" + g : " + λ";
            return "−lr·(" + g + d + "), lr = " + lr + "; v ← μ·v + g is computed and dropped, so μ = "
                    + org.backpropstudio.i18n.NumberText.plain(r.momentum()) + " has no effect";
        } else if (o instanceof OptimizerConfig.Adam a) {
            return "−lr·m̂ / (√v̂ + ε) from the moments of g = " + g + (decay.isEmpty() ? "" : " + decay") + ", lr = "
                    + lr + ", β₁ = " + org.backpropstudio.i18n.NumberText.plain(a.beta1()) + ", β₂ = " + org.backpropstudio.i18n.NumberText.plain(a.beta2())
                    + decay;
        } else {
            return "−lr·g / (√s + ε), s ← ρ·s + (1 − ρ)·g², g = " + g + (decay.isEmpty() ? "" : " + decay")
                    + ", lr = " + lr + decay;
        }
    }

    private static String decayNote(WeightDecay d, String p) {
        if (d.kind() == WeightDecay.Kind.NONE || d.lambda() == 0) {
            return "";
        }
        String lambda = org.backpropstudio.i18n.NumberText.plain(d.lambda());
        return d.kind() == WeightDecay.Kind.L2 ? "; decay λ·" + p + ", λ = " + lambda
                : "; decay λ·sign(" + p + "), λ = " + lambda;
    }

    private static String muteNote(BackpropTrace.Layer l) {
        if (l.muted().length == 0) {
            return "";
        }
        StringBuilder rows = new StringBuilder();
        for (int r : l.muted()) {
            rows.append(rows.length() == 0 ? "" : ", ").append(r + 1);
        }
        return org.backpropstudio.i18n.Messages.text("inspection.muted", rows);
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] sum = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            sum[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                sum[i][j] = a[i][j] + b[i][j];
            }
        }
        return sum;
    }

    private static String describe(BackpropTrace.Layer l) {
        int units = l.z()[0].length;
        return org.backpropstudio.i18n.Messages.text(units == 1 ? "inspection.unit" : "inspection.units", units, l.activation().wireName());
    }

    /** The name of f in formulas: σ, tanh, relu, ... */
    private static String function(Activation a) {
        return switch (a) {
            case SIGMOID -> "σ";
            case IDENTITY -> "id";
            default -> a.wireName();
        };
    }

    private static String derivativeFormula(Activation a) {
        return switch (a) {
            case IDENTITY -> "1";
            case SIGMOID -> "σ(z)·(1 − σ(z)) = a·(1 − a)";
            case TANH -> "1 − tanh²(z) = 1 − a²";
            case RELU -> "1 where z > 0, else 0";
            case LEAKY_RELU -> "1 where z > 0, else " + Activation.LEAKY_SLOPE;
            case SOFTPLUS -> "σ(z)";
            case SIN -> "cos(z)";
            case ELU -> "1 where z > 0, else eᶻ = a + 1";
        };
    }

    private static String lossFormula(LossKind k) {
        return switch (k) {
            case MSE -> "(ŷ − y)²";
            case HALF_MSE -> "½(ŷ − y)²";
            case MAE -> "|ŷ − y|";
            case HUBER -> "½(ŷ − y)² if |ŷ − y| ≤ 1, else |ŷ − y| − ½";
            case SOFTMAX_CROSS_ENTROPY -> "−Σ y·log softmax(ŷ)";
        };
    }

    private static String lossGradientFormula(LossKind k) {
        return switch (k) {
            case MSE -> "2(ŷ − y)";
            case HALF_MSE -> "ŷ − y";
            case MAE -> "sign(ŷ − y)";
            case HUBER -> "clamp(ŷ − y, −1, 1)";
            case SOFTMAX_CROSS_ENTROPY -> "softmax(ŷ)·Σy − y";
        };
    }

    /** Subscript digits: 12 → ₁₂. */
    static String sub(int n) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append((char) ('₀' + (c - '0')));
        }
        return s.toString();
    }
}

package org.backpropstudio.engine;

import java.util.Arrays;

/** The function the network learns to fit, {@code y = f(x)}. */
public enum TargetFunction implements Target, WireName {
    SIN("sin", "sin x"),
    COS("cos", "cos x"),
    /** {@code sin(x)/x}, with the limit 1 at x = 0. */
    SINC("sinc", "sin(x)/x"),
    SQUARE("square", "x²"),
    ABS("abs", "|x|"),
    /** 0 for x &lt; 0, 1 for x ≥ 0. */
    STEP("step", "step(x)"),
    /** A sawtooth of period 2π rising from −1 to 1: {@code x/π} on [−π, π). */
    SAWTOOTH("sawtooth", "sawtooth(x)");

    private final String wireName;
    private final String formula;

    TargetFunction(String wireName, String formula) {
        this.wireName = wireName;
        this.formula = formula;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** How it reads in a caption, e.g. {@code sin x}. */
    @Override
    public String formula() {
        return formula;
    }

    @Override
    public double value(double x) {
        switch (this) {
            case SIN: return Math.sin(x);
            case COS: return Math.cos(x);
            case SINC: return x == 0 ? 1.0 : Math.sin(x) / x;
            case SQUARE: return x * x;
            case ABS: return Math.abs(x);
            case STEP: return x < 0 ? 0.0 : 1.0;
            case SAWTOOTH: {
                double period = 2 * Math.PI;
                double shifted = x + Math.PI;
                return (shifted - period * Math.floor(shifted / period)) / Math.PI - 1.0;
            }
            default: throw new AssertionError(this);
        }
    }

    public static TargetFunction fromWireName(String name) {
        return WireName.parse(TargetFunction.class, name, "target function");
    }

    @Override
    public String toString() {
        return wireName;
    }
}

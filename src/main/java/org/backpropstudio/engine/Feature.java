package org.backpropstudio.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An input the network gets from a point (x₁, x₂) of the plane, as in TensorFlow Playground:
 * the coordinates themselves or a function of them. The network's input count is the number of
 * features switched on.
 */
public enum Feature implements WireName {
    X1("x1", "x₁"),
    X2("x2", "x₂"),
    X1_SQUARED("x1^2", "x₁²"),
    X2_SQUARED("x2^2", "x₂²"),
    X1_TIMES_X2("x1*x2", "x₁x₂"),
    SIN_X1("sin(x1)", "sin x₁"),
    SIN_X2("sin(x2)", "sin x₂");

    private final String wireName;
    private final String label;

    Feature(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** How it reads beside the diagram's input: x₁², sin x₂. */
    public String label() {
        return label;
    }

    /** The feature's value at (x₁, x₂). */
    public double of(double x1, double x2) {
        return switch (this) {
            case X1 -> x1;
            case X2 -> x2;
            case X1_SQUARED -> x1 * x1;
            case X2_SQUARED -> x2 * x2;
            case X1_TIMES_X2 -> x1 * x2;
            case SIN_X1 -> Math.sin(x1);
            case SIN_X2 -> Math.sin(x2);
        };
    }

    /** The coordinates alone: TF Playground's default. */
    public static final Set<Feature> COORDINATES = EnumSet.of(X1, X2);

    /**
     * The features switched on, in this enum's order (the order of the network's inputs).
     *
     * @throws IllegalArgumentException when none is on
     */
    public static List<Feature> inOrder(Collection<Feature> on) {
        if (on.isEmpty()) {
            throw new IllegalArgumentException("at least one input feature must be on");
        }
        return new ArrayList<>(EnumSet.copyOf(on));
    }

    /**
     * The inputs (n × features) of points (n × 2): row i holds each feature of (x₁, x₂) of point i.
     */
    public static double[][] inputs(List<Feature> features, double[][] points) {
        double[][] rows = new double[points.length][features.size()];
        for (int i = 0; i < points.length; i++) {
            for (int f = 0; f < features.size(); f++) {
                rows[i][f] = features.get(f).of(points[i][0], points[i][1]);
            }
        }
        return rows;
    }
}

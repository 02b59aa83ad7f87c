package org.backpropstudio.engine;

import java.util.random.RandomGenerator;

/**
 * How classes lie in the plane, as TensorFlow Playground and scikit-learn draw them: every shape
 * spans about [−6, 6]², so one learning rate suits them all. Noise σ moves each point by
 * σ·N(0, 1) in x₁ and x₂.
 */
public enum PlaneShape implements WireName {
    /** Class 0 inside radius 2, class 1 in the ring from 3 to 5 (2 classes). */
    CIRCLE("circle", 2, 2),
    /** The quadrants: class 0 where x₁·x₂ > 0, class 1 where it is < 0 (2 classes). */
    XOR("xor", 2, 2),
    /** k Gaussian blobs (σ = 1) centred on a circle of radius 3.5 (2 to 5 classes). */
    BLOBS("blobs", 2, 5),
    /** k interleaved spiral arms of one and three quarter turns (2 to 5 classes). */
    SPIRAL("spiral", 2, 5),
    /** Two interleaved half circles, scikit-learn's moons, scaled by 2.5 (2 classes). */
    MOONS("moons", 2, 2);

    private final String wireName;
    private final int minClasses;
    private final int maxClasses;

    PlaneShape(String wireName, int minClasses, int maxClasses) {
        this.wireName = wireName;
        this.minClasses = minClasses;
        this.maxClasses = maxClasses;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public int minClasses() {
        return minClasses;
    }

    public int maxClasses() {
        return maxClasses;
    }

    public static PlaneShape fromWireName(String name) {
        return WireName.parse(PlaneShape.class, name, "data shape");
    }

    /**
     * One point of class c, the i-th of n in its class, without noise: (x₁, x₂). Draws from
     * {@code random} where the shape is random.
     */
    double[] point(int c, int classes, int i, int n, RandomGenerator random) {
        switch (this) {
            case CIRCLE: {
                double r = c == 0 ? 2 * random.nextDouble() : 3 + 2 * random.nextDouble();
                double angle = 2 * Math.PI * random.nextDouble();
                return new double[] {r * Math.cos(angle), r * Math.sin(angle)};
            }
            case XOR: {
                // away from the axes by 0.3, so the classes do not touch before the noise
                double a = 0.3 + 4.7 * random.nextDouble();
                double b = 0.3 + 4.7 * random.nextDouble();
                boolean flip = random.nextBoolean();
                // class 0: same signs; class 1: opposite signs
                double x1 = flip ? -a : a;
                double x2 = (c == 0) == flip ? -b : b;
                return new double[] {x1, x2};
            }
            case BLOBS: {
                double angle = 2 * Math.PI * c / classes;
                return new double[] {3.5 * Math.cos(angle) + random.nextGaussian(),
                        3.5 * Math.sin(angle) + random.nextGaussian()};
            }
            case SPIRAL: {
                double t = n == 1 ? 0 : (double) i / (n - 1);
                double r = 5 * t;
                double angle = 1.75 * 2 * Math.PI * t + 2 * Math.PI * c / classes;
                return new double[] {r * Math.sin(angle), r * Math.cos(angle)};
            }
            case MOONS: {
                double t = Math.PI * random.nextDouble();
                return c == 0 ? new double[] {2.5 * (Math.cos(t) - 0.5), 2.5 * (Math.sin(t) - 0.25)}
                        : new double[] {2.5 * (0.5 - Math.cos(t)), 2.5 * (0.25 - Math.sin(t))};
            }
            default:
                throw new AssertionError(this);
        }
    }
}

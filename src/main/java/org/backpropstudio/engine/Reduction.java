package org.backpropstudio.engine;

/** How a loss combines the per-sample losses of a batch into the one number that is minimized. */
public enum Reduction implements WireName {
    /** {@code L = (1/batch)·Σ ℓᵢ}: the gradient of each sample is divided by the batch size. */
    MEAN("mean"),
    /** {@code L = Σ ℓᵢ}. */
    SUM("sum");

    private final String wireName;

    Reduction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Reduction fromWireName(String name) {
        return WireName.parse(Reduction.class, name, "reduction");
    }

    @Override
    public String toString() {
        return wireName;
    }
}

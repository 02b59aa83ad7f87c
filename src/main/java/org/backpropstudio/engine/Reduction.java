package org.backpropstudio.engine;

/** How a loss combines the per-sample losses of a batch into the one number that is minimized. */
public enum Reduction {
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
        for (Reduction r : values()) {
            if (r.wireName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown reduction '" + name + "' (known: mean, sum)");
    }

    @Override
    public String toString() {
        return wireName;
    }
}

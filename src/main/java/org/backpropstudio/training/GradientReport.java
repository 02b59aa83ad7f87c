package org.backpropstudio.training;

import java.util.List;

/**
 * The outcome of a gradient check run from the studio, as a plain value for the UI.
 *
 * @param epoch     the epoch whose weights were checked
 * @param samples   training samples in the checked batch
 * @param epsilon   the central differences' step
 * @param rows      one per parameter tensor, W1, b1, W2, ...
 * @param tolerance the bar: a relative error below it passes
 */
public record GradientReport(int epoch, int samples, double epsilon, List<Row> rows, double tolerance) {

    /**
     * One parameter tensor's differences.
     *
     * @param straddled entries not compared because ±ε crossed a relu or |p − y| kink
     */
    public record Row(String parameter, int layer, int entries, int straddled, double maxAbsolute,
                      double maxRelative) {
    }

    public GradientReport {
        rows = List.copyOf(rows);
    }

    /** True when every compared entry is below the tolerance and something was compared. */
    public boolean passed() {
        return rows.stream().allMatch(r -> r.maxRelative() < tolerance)
                && rows.stream().anyMatch(r -> r.entries() > r.straddled());
    }
}

package org.backpropstudio.ui.digits;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backpropstudio.ui.CanvasPane;

/**
 * The test set's confusion: a row per true class, a column per class given, each count shaded by
 * its share of the row (the diagonal blue, mistakes red), and each class's accuracy at the row's end.
 */
public final class ConfusionMatrix extends CanvasPane {

    private int[][] counts = new int[0][];
    private boolean dark;
    /** The counts' text size in the last drawing, pixels (0 before one). */
    private double countSize;

    public ConfusionMatrix() {
        super(360, 320, new Canvas());
        getStyleClass().add("confusion-matrix");
        // its axis words are drawn: they follow the language when drawn again
        org.backpropstudio.ui.Localized.onSwitch(this, this::redraw);
    }

    public void show(int[][] confusion) {
        if (confusion != counts) {
            counts = confusion;
            redraw();
        }
    }

    public void setDark(boolean on) {
        dark = on;
        redraw();
    }

    /** The counts' text size in the last drawing, pixels. */
    public double countSize() {
        return countSize;
    }

    /** The counts shown (for tests). */
    public int[][] counts() {
        return counts;
    }

    /** Each true class's share classified right; NaN for a class with no test images. */
    public static double[] perClassAccuracy(int[][] confusion) {
        double[] a = new double[confusion.length];
        for (int t = 0; t < confusion.length; t++) {
            int total = 0;
            for (int n : confusion[t]) {
                total += n;
            }
            a[t] = total == 0 ? Double.NaN : (double) confusion[t][t] / total;
        }
        return a;
    }

    @Override
    protected void redraw() {
        Canvas c = (Canvas) getChildren().get(0);
        GraphicsContext g = c.getGraphicsContext2D();
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        int k = counts.length;
        if (k == 0) {
            return;
        }
        double font = textSize(0.8);
        double labels = font * 2.2;
        double accuracyColumn = font * 3.6;
        double cell = Math.floor(Math.min((c.getWidth() - labels - accuracyColumn) / k, (c.getHeight() - labels) / k));
        if (cell < 8) {
            return;
        }
        Color ink = dark ? Color.web("#c9d1d9") : Color.web("#24292f");
        Color muted = dark ? Color.web("#8b949e") : Color.web("#57606a");
        double[] accuracy = perClassAccuracy(counts);
        countSize = Math.min(font, cell * 0.42);
        g.setFont(Font.font(countSize));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int t = 0; t < k; t++) {
            int total = 0;
            for (int n : counts[t]) {
                total += n;
            }
            for (int p = 0; p < k; p++) {
                double share = total == 0 ? 0 : (double) counts[t][p] / total;
                double x = labels + p * cell;
                double y = labels + t * cell;
                Color base = t == p ? Color.web("#0072B2") : Color.web("#D55E00");
                g.setFill(base.deriveColor(0, 1, 1, t == p ? 0.08 + 0.8 * share : Math.min(0.9, 0.08 + 3 * share)));
                g.fillRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
                if (counts[t][p] > 0) {
                    g.setFill(share > 0.45 && t == p ? Color.WHITE : ink);
                    g.fillText(Integer.toString(counts[t][p]), x + cell / 2, y + cell / 2);
                }
            }
            g.setFill(muted);
            g.fillText(Integer.toString(t), labels * 0.55, labels + t * cell + cell / 2);
            g.fillText(Double.isNaN(accuracy[t]) ? "–" : Math.round(100 * accuracy[t]) + "%",
                    labels + k * cell + accuracyColumn / 2, labels + t * cell + cell / 2);
        }
        for (int p = 0; p < k; p++) {
            g.fillText(Integer.toString(p), labels + p * cell + cell / 2, labels * 0.55);
        }
        g.setFont(Font.font(font * 0.9));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(org.backpropstudio.i18n.Messages.text("digits.confusionAxes"), 0, font * 0.5);
    }
}

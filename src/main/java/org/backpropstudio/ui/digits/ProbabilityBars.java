package org.backpropstudio.ui.digits;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backpropstudio.ui.CanvasPane;

/** The network's probability for each class as a bar, the largest in the accent colour, its class marked when known. */
public final class ProbabilityBars extends CanvasPane {

    private double[] probabilities = new double[0];
    private int truth = -1;
    private boolean dark;

    public ProbabilityBars() {
        super(260, 140, new Canvas());
        getStyleClass().add("probability-bars");
    }

    /** Shows probabilities (one per class); {@code truth} is the true class, or −1 when unknown. */
    public void show(double[] p, int truth) {
        probabilities = p.clone();
        this.truth = truth;
        redraw();
    }

    public double[] shown() {
        return probabilities.clone();
    }

    public void setDark(boolean on) {
        dark = on;
        redraw();
    }

    @Override
    protected void redraw() {
        Canvas c = (Canvas) getChildren().get(0);
        GraphicsContext g = c.getGraphicsContext2D();
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        int k = probabilities.length;
        if (k == 0) {
            return;
        }
        int best = 0;
        for (int i = 1; i < k; i++) {
            best = probabilities[i] > probabilities[best] ? i : best;
        }
        Color ink = dark ? Color.web("#c9d1d9") : Color.web("#24292f");
        Color bar = Color.web(dark ? "#6e7681" : "#afb8c1");
        if (c.getHeight() > c.getWidth()) {
            drawAcross(g, c.getWidth(), c.getHeight(), best, ink, bar);
            return;
        }
        double slot = c.getWidth() / k;
        // "100%" fits above its bar: in a narrow column the text gives way
        double font = Math.min(textSize(0.85), slot / 2.3);
        double base = c.getHeight() - font * 1.5;
        double height = base - font * 1.4;
        g.setFont(Font.font(font));
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < k; i++) {
            double p = shown(i);
            double x = i * slot + slot * 0.15;
            g.setFill(i == best ? Color.web("#0072B2") : bar);
            g.fillRect(x, base - p * height, slot * 0.7, p * height);
            g.setFill(ink);
            g.setTextBaseline(VPos.TOP);
            g.fillText(label(i), i * slot + slot / 2, base + 2);
            if (p >= 0.005) {
                g.setTextBaseline(VPos.BOTTOM);
                g.fillText(Math.round(100 * p) + "%", i * slot + slot / 2, base - p * height - 1);
            }
        }
    }

    /**
     * In a column taller than wide (lecture mode's side column): a row per class, its name at the
     * left, the bar across and the percentage after it, so the text can be as large as the rows.
     */
    private void drawAcross(GraphicsContext g, double w, double h, int best, Color ink, Color bar) {
        int k = probabilities.length;
        double slot = h / k;
        double font = Math.min(textSize(0.85), slot * 0.6);
        double name = font * 2;
        double room = Math.max(0, w - name - font * 3.2);
        g.setFont(Font.font(font));
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < k; i++) {
            double p = shown(i);
            double y = i * slot + slot / 2;
            g.setFill(i == best ? Color.web("#0072B2") : bar);
            g.fillRect(name, i * slot + slot * 0.15, p * room, slot * 0.7);
            g.setFill(ink);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(label(i), name - font * 0.4, y);
            if (p >= 0.005) {
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(Math.round(100 * p) + "%", name + p * room + font * 0.3, y);
            }
        }
    }

    private double shown(int i) {
        return Double.isFinite(probabilities[i]) ? probabilities[i] : 0;
    }

    /** The class's number, marked when it is the true one. */
    private String label(int i) {
        return (i == truth ? "▸" : "") + i;
    }
}

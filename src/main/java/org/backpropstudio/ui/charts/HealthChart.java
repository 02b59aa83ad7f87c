package org.backpropstudio.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.backpropstudio.training.GradientHealth;

/**
 * The size of each layer's weight gradient, ‖∂L/∂W‖, over recent epochs on a logarithmic axis:
 * curves that fall by powers of ten from the output back to the input show vanishing gradients.
 */
public final class HealthChart extends Plot {

    private static final Color[] COLORS = {Color.web("#2f7ed8"), Color.web("#f08a24"), Color.web("#b5489c"),
        Color.web("#2da44e"), Color.web("#8250df"), Color.web("#cf222e"), Color.web("#57606a"), Color.web("#bf8700"),
        Color.web("#0a7ea4")};

    private GradientHealth shown;

    public HealthChart() {
        getStyleClass().add("health-chart");
    }

    public void show(GradientHealth health) {
        if (health != shown) {
            shown = health;
            redraw();
        }
    }

    @Override
    protected void draw(GraphicsContext g) {
        if (shown == null) {
            return;
        }
        int[] epochs = shown.epochs();
        double xMin = epochs.length > 0 ? epochs[0] : 0;
        double xMax = epochs.length > 1 ? epochs[epochs.length - 1] : xMin + 10;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] layer : shown.log10Norm()) {
            for (double v : layer) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double yMin = lo <= hi ? Math.floor(lo) : -3;
        double yMax = lo <= hi ? Math.max(Math.ceil(hi), yMin + 1) : 0;
        double xStep = epochTickStep(xMin, xMax);
        double yStep = Math.max(1, Math.ceil((yMax - yMin) / 8));
        frame(g, xMin, xMax, xStep, yMin, yMax, yStep, v -> tick(v, xStep), LossChart::powerOfTen, org.backpropstudio.i18n.Messages.text("chart.epoch"),
                org.backpropstudio.i18n.Messages.text("chart.gradientNorm"));
        clipToPlotArea(g);
        double[] xs = new double[epochs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = epochs[i];
        }
        List<LegendEntry> legend = new ArrayList<>();
        for (int k = 0; k < shown.log10Norm().length; k++) {
            Color c = COLORS[k % COLORS.length];
            polyline(g, xs, shown.log10Norm()[k], xs.length, c, 2, null);
            legend.add(new LegendEntry(c, shown.layers().get(k), Symbol.LINE));
        }
        endPlotArea(g);
        if (lo > hi && epochs.length > 0) {
            // every norm is 0 (log10 = −∞): say it, an empty chart explains nothing
            g.setFill(textColor());
            g.setFont(font(1.0));
            g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
            g.fillText(org.backpropstudio.i18n.Messages.text("chart.noGradient"),
                    (left() + right()) / 2, (top() + bottom()) / 2);
        }
        legend(g, legend);
    }
}

package org.backpropstudio.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;
import org.backpropstudio.training.LossCurve;
import org.backpropstudio.training.Marker;

/**
 * Train and test loss per epoch on a logarithmic y-axis, with live changes drawn as labelled
 * vertical markers. JavaFX has no log axis: the chart plots log10(loss) on a {@link NumberAxis}
 * whose tick labels read 10⁻³, 10⁻², … Each series is replaced once per snapshot from at most
 * {@link #COLUMNS} columns, each keeping the minimum and maximum of its epochs, so spikes stay
 * visible.
 */
public final class LossChart extends LineChart<Number, Number> {

    /** Columns drawn at most per series. */
    public static final int COLUMNS = 400;

    private final XYChart.Series<Number, Number> train = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> test = new XYChart.Series<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<Node> markerNodes = new ArrayList<>();

    public LossChart() {
        super(new NumberAxis(), new NumberAxis());
        setAnimated(false);
        setCreateSymbols(false);
        getStyleClass().add("loss-chart");
        NumberAxis x = (NumberAxis) getXAxis();
        x.setLabel("epoch");
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.setUpperBound(10);
        x.setTickUnit(1);
        NumberAxis y = (NumberAxis) getYAxis();
        y.setLabel("loss (log scale)");
        y.setAutoRanging(false);
        y.setTickUnit(1);
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new PowerOfTen());
        train.setName("train loss");
        test.setName("test loss");
        ObservableList<Series<Number, Number>> series = FXCollections.observableArrayList();
        series.add(train);
        series.add(test);
        setData(series);
    }

    /** Replaces the curves and markers. */
    public void show(LossCurve.View losses, List<Marker> changes) {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        train.getData().setAll(columns(losses.epoch(), losses.trainMin(), losses.trainMax(), range));
        test.getData().setAll(columns(losses.epoch(), losses.testMin(), losses.testMax(), range));
        int lastEpoch = losses.size() == 0 ? 0 : losses.epoch()[losses.size() - 1];
        NumberAxis x = (NumberAxis) getXAxis();
        double upper = niceUpperBound(Math.max(10, lastEpoch));
        if (x.getUpperBound() != upper) {
            x.setUpperBound(upper);
            x.setTickUnit(FitChart.niceStep(upper));
        }
        NumberAxis y = (NumberAxis) getYAxis();
        if (range[0] <= range[1]) {
            y.setLowerBound(Math.floor(range[0]));
            y.setUpperBound(Math.max(Math.ceil(range[1]), Math.floor(range[0]) + 1));
        } else {
            y.setLowerBound(-3);
            y.setUpperBound(0);
        }
        markers.clear();
        markers.addAll(changes);
        requestChartLayout();
    }

    /** The smallest of 1, 2, 5 × 10ⁿ at or above n: the epoch axis grows in calm steps. */
    static double niceUpperBound(double n) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(n)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= n) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Points (epoch, log10 loss): per column its minimum then its maximum. */
    private static List<Data<Number, Number>> columns(int[] epochs, double[] min, double[] max, double[] range) {
        int n = epochs.length;
        int group = Math.max(1, (n + COLUMNS - 1) / COLUMNS);
        List<Data<Number, Number>> points = new ArrayList<>(2 * Math.min(n, COLUMNS));
        for (int start = 0; start < n; start += group) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = start; i < Math.min(n, start + group); i++) {
                if (min[i] > 0 && Double.isFinite(min[i])) {
                    lo = Math.min(lo, min[i]);
                }
                if (max[i] > 0 && Double.isFinite(max[i])) {
                    hi = Math.max(hi, max[i]);
                }
            }
            if (lo > hi) {
                continue;
            }
            double logLo = Math.log10(lo);
            double logHi = Math.log10(hi);
            range[0] = Math.min(range[0], logLo);
            range[1] = Math.max(range[1], logHi);
            points.add(new Data<>(epochs[start], logLo));
            if (hi > lo) {
                points.add(new Data<>(epochs[start], logHi));
            }
        }
        return points;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        getPlotChildren().removeAll(markerNodes);
        markerNodes.clear();
        NumberAxis x = (NumberAxis) getXAxis();
        double height = getYAxis().getHeight();
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            double px = x.getDisplayPosition(m.epoch());
            if (px < 0 || px > x.getWidth()) {
                continue;
            }
            Line line = new Line(px, 0, px, height);
            line.getStyleClass().add("change-marker");
            Label label = new Label(m.label());
            label.getStyleClass().add("change-marker-label");
            label.setManaged(false);
            label.resizeRelocate(px + 3, 2 + (i % 4) * 16, label.prefWidth(-1), label.prefHeight(-1));
            markerNodes.add(line);
            markerNodes.add(label);
        }
        getPlotChildren().addAll(markerNodes);
    }

    /** Tick labels for log10 values: 10⁻³, 10⁰, 10². */
    static final class PowerOfTen extends StringConverter<Number> {
        private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

        @Override
        public String toString(Number value) {
            double v = value.doubleValue();
            if (v != Math.rint(v)) {
                return "";
            }
            int k = (int) v;
            StringBuilder s = new StringBuilder("10");
            if (k < 0) {
                s.append('⁻');
            }
            for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
                s.append(SUPERSCRIPTS.charAt(c - '0'));
            }
            return s.toString();
        }

        @Override
        public Number fromString(String string) {
            throw new UnsupportedOperationException();
        }
    }
}

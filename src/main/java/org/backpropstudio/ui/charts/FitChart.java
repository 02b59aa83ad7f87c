package org.backpropstudio.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.training.Snapshot;

/**
 * The centre of attention: the target function, the network's prediction over the data range,
 * and the training and test points. The prediction's points are created once per grid and then
 * only moved, so a redraw creates no nodes.
 */
public final class FitChart extends LineChart<Number, Number> {

    private final XYChart.Series<Number, Number> target = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> prediction = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> train = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> test = new XYChart.Series<>();
    private Object shownData;
    private double[] shownGrid;

    public FitChart() {
        super(new NumberAxis(), new NumberAxis());
        setAnimated(false);
        setCreateSymbols(true);
        getStyleClass().add("fit-chart");
        getXAxis().setLabel("x");
        getYAxis().setLabel("y");
        ((NumberAxis) getXAxis()).setAutoRanging(false);
        ((NumberAxis) getYAxis()).setAutoRanging(false);
        target.setName("target");
        prediction.setName("prediction");
        train.setName("training points");
        test.setName("test points");
        ObservableList<Series<Number, Number>> series = FXCollections.observableArrayList();
        series.add(target);
        series.add(prediction);
        series.add(train);
        series.add(test);
        setData(series);
    }

    /** Shows a snapshot; rebuilds the static series only when the data or grid changed. */
    public void show(Snapshot s) {
        if (s.train() != shownData || s.gridX() != shownGrid && !sameGrid(s.gridX())) {
            rebuild(s);
        }
        List<Data<Number, Number>> points = prediction.getData();
        double[] p = s.prediction();
        for (int i = 0; i < p.length; i++) {
            points.get(i).setYValue(Double.isFinite(p[i]) ? p[i] : Double.NaN);
        }
    }

    /** The plotted prediction, for tests and the measure mode. */
    public double[] predictionValues() {
        double[] v = new double[prediction.getData().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = prediction.getData().get(i).getYValue().doubleValue();
        }
        return v;
    }

    /** Number of training points plotted. */
    public int trainPointCount() {
        return train.getData().size();
    }

    private boolean sameGrid(double[] grid) {
        return shownGrid != null && java.util.Arrays.equals(shownGrid, grid);
    }

    private void rebuild(Snapshot s) {
        shownData = s.train();
        shownGrid = s.gridX();
        double[] xs = s.gridX();
        List<Data<Number, Number>> predictionPoints = new ArrayList<>(xs.length);
        for (double x : xs) {
            predictionPoints.add(hidden(new Data<>(x, 0.0)));
        }
        prediction.getData().setAll(predictionPoints);
        List<Data<Number, Number>> targetPoints = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (s.config().data() instanceof DataSpec.FunctionData f) {
            for (double x : xs) {
                double y = f.target().value(x);
                targetPoints.add(hidden(new Data<>(x, y)));
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
            target.setName("target " + f.target().formula());
        } else {
            target.setName("target (given data)");
        }
        target.getData().setAll(targetPoints);
        double[] yr = points(train, s.train(), lo, hi);
        yr = points(test, s.test(), yr[0], yr[1]);
        NumberAxis x = (NumberAxis) getXAxis();
        x.setLowerBound(xs[0]);
        x.setUpperBound(xs[xs.length - 1]);
        x.setTickUnit(niceStep(xs[xs.length - 1] - xs[0]));
        double span = Math.max(yr[1] - yr[0], 1e-6);
        NumberAxis y = (NumberAxis) getYAxis();
        y.setLowerBound(yr[0] - 0.25 * span);
        y.setUpperBound(yr[1] + 0.25 * span);
        y.setTickUnit(niceStep(1.5 * span));
    }

    private static double[] points(XYChart.Series<Number, Number> series, Dataset d, double lo, double hi) {
        double[] xs = d.xColumn();
        double[] ys = d.yColumn();
        List<Data<Number, Number>> pts = new ArrayList<>(xs.length);
        for (int i = 0; i < xs.length; i++) {
            double y = ys[i];
            pts.add(new Data<>(xs[i], y));
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        series.getData().setAll(pts);
        return new double[] {lo, hi};
    }

    /** A data item whose symbol is an empty, invisible region: lines without dots. */
    private static Data<Number, Number> hidden(Data<Number, Number> d) {
        Region none = new Region();
        none.setVisible(false);
        none.setManaged(false);
        d.setNode(none);
        return d;
    }

    /** A tick step of 1, 2 or 5 × 10ⁿ giving about 8 ticks. */
    public static double niceStep(double span) {
        double raw = span / 8;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * magnitude;
    }
}

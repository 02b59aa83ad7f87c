package org.backpropstudio.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.backpropstudio.training.LossCurve;
import org.backpropstudio.training.Marker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the charts leave out so that a burst of changes or a huge data set stays drawable. */
@ExtendWith(ApplicationExtension.class)
class ChartDrawingTest {

    private LossChart chart;

    @Start
    void start(Stage stage) {
        chart = new LossChart();
        stage.setScene(new Scene(new StackPane(chart), 600, 300));
        stage.show();
    }

    private static LossCurve.View history(int epochs) {
        LossCurve curve = new LossCurve();
        for (int e = 1; e <= epochs; e++) {
            curve.add(e, 1.0 / e, 2.0 / e);
        }
        return curve.view();
    }

    @Test
    void aBurstOfChangesAtOneEpochGetsAtMostOneLabelPerRow() throws Exception {
        List<Marker> burst = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            burst.add(new Marker(500, "lr " + k));
        }
        WaitForAsyncUtils.asyncFx(() -> chart.show(history(1000), burst)).get();
        assertThat(chart.labelsDrawn()).isEqualTo(4);
    }

    @Test
    void changesFarApartAreAllLabelled() throws Exception {
        List<Marker> apart = List.of(new Marker(100, "lr 0.1 → 0.2"), new Marker(500, "lr 0.2 → 0.3"),
                new Marker(990, "lr 0.3 → 0.4"));
        WaitForAsyncUtils.asyncFx(() -> chart.show(history(1000), apart)).get();
        assertThat(chart.labelsDrawn()).isEqualTo(3);
    }

    /**
     * In lecture mode's narrow side column a label too long for either side of its line ran past
     * the chart's right edge ("epochs 13" of "epochs 139 → 278"): it is drawn narrower, inside.
     */
    @Test
    void aLabelTooLongForEitherSideOfItsLineStaysInsideThePlot() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            chart.setTextScale(1.6);
            chart.setMaxWidth(230);
            chart.getParent().layout();
            chart.show(history(278), List.of(new Marker(139, "epochs 139 → 278")));
        }).get();
        assertThat(chart.labelsDrawn()).isEqualTo(1);
        double[] span = chart.lastLabelSpan();
        assertThat(span[0]).as("its left end").isGreaterThanOrEqualTo(chart.left() - 0.5);
        assertThat(span[1]).as("its right end").isLessThanOrEqualTo(chart.right() + 0.5);
    }

    @Test
    void aShortChartLeavesOutItsXTitleToKeepThePlotTallAndAYTitleThatWouldBeCut() throws Exception {
        // 300 px high at the normal size: room for everything
        WaitForAsyncUtils.asyncFx(() -> chart.show(history(100), List.of())).get();
        assertThat(chart.compact()).isFalse();
        assertThat(chart.yTitleDrawn()).isTrue();
        assertThat(chart.bottom() - chart.top()).isGreaterThan(Plot.COMPACT_BELOW);
        // 160 px high at lecture mode's 1.6: the plot keeps 20 px more than it would with the x title
        WaitForAsyncUtils.asyncFx(() -> {
            chart.setTextScale(1.6);
            chart.setMaxHeight(160);
            chart.getParent().layout();
            chart.show(history(101), List.of());
        }).get();
        assertThat(chart.getHeight()).isEqualTo(160);
        assertThat(chart.compact()).isTrue();
        assertThat(chart.yTitleDrawn()).isFalse(); // "loss (log scale)" at 1.6× is longer than 160 px
        assertThat(chart.bottom() - chart.top()).isCloseTo(160 - 48 * 1.6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void yTicksAreSpacedForThePlotAreaItGets() throws Exception {
        // the fit chart of lecture mode on a 720-pixel screen: 215 px high at 1.6× text, y in ±1.44
        double step = WaitForAsyncUtils.asyncFx(() -> {
            Plot plot = new Plot() {
                @Override
                protected void draw(javafx.scene.canvas.GraphicsContext g) {
                }
            };
            plot.setTextScale(1.6);
            plot.resize(600, 215);
            return plot.yTickStep(-1.44, 1.44);
        }).get();
        // ticks at −1, 0 and 1 (32 px a label at 1.6×, 138 px of compact plot); a step of 2 would leave only 0
        assertThat(step).isEqualTo(1);
    }

    @Test
    void aResizedChartIsDrawnOnceAfterThePieceOfWorkThatResizedItNotWithinIt() throws Exception {
        // a layout pass resizes several panes in one piece of work on the UI thread: drawing each
        // one there made the opening of the inspector one long block (docs/reliability.md)
        List<Double> drawnAtWidth = new ArrayList<>();
        Plot plot = WaitForAsyncUtils.asyncFx(() -> new Plot() {
            @Override
            protected void draw(javafx.scene.canvas.GraphicsContext g) {
                drawnAtWidth.add(getWidth());
            }
        }).get();
        int drawnWithin = WaitForAsyncUtils.asyncFx(() -> {
            plot.resize(500, 200);
            plot.resize(520, 210);
            return drawnAtWidth.size();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drawnWithin).isZero();
        assertThat(drawnAtWidth).containsExactly(520.0);
    }

    @Test
    void theCurvesDrawnInPixelsLandOnTheCanvasWhereTheAxesPutThem() throws Exception {
        // the loss chart's curves are drawn by StrokeRaster and put on the canvas as an image
        javafx.scene.image.WritableImage shot = WaitForAsyncUtils.asyncFx(() -> {
            chart.show(history(100), List.of());
            return chart.snapshot(null, null);
        }).get();
        javafx.scene.image.PixelReader pixels = shot.getPixelReader();
        for (int epoch : new int[] {10, 40, 90}) {
            // the training loss 1/epoch, under the test loss 2/epoch
            int x = (int) Math.floor(chart.px(epoch));
            int y = (int) Math.floor(chart.py(Math.log10(1.0 / epoch)));
            javafx.scene.paint.Color c = pixels.getColor(x, y);
            assertThat(c.getBlue()).as("blue at epoch %d", epoch).isCloseTo(LossChart.TRAIN.getBlue(), within(0.1));
            assertThat(c.getRed()).as("red at epoch %d", epoch).isCloseTo(LossChart.TRAIN.getRed(), within(0.1));
            // and 8 pixels below it, clear of both curves, the background or a grid line (red 0.82)
            assertThat(pixels.getColor(x, y + 8).getRed()).as("below the curve at epoch %d", epoch).isGreaterThan(0.8);
        }
    }

    @Test
    void aSeriesOfManyPointsIsThinnedAndTheLegendSaysHowMuch() {
        assertThat(Plot.dotStride(0)).isEqualTo(1);
        assertThat(Plot.dotStride(Plot.MAX_DOTS)).isEqualTo(1);
        assertThat(Plot.dotStride(Plot.MAX_DOTS + 1)).isEqualTo(2);
        assertThat(Plot.dotStride(100_000)).isEqualTo(200);
        // never more than MAX_DOTS drawn
        for (int n : new int[] {1, 499, 500, 501, 999, 1000, 1001, 12_345, 100_000}) {
            int stride = Plot.dotStride(n);
            assertThat((n + stride - 1) / stride).as("dots drawn of %d", n).isLessThanOrEqualTo(Plot.MAX_DOTS);
        }
        assertThat(Plot.dotsLabel("training points", 50)).isEqualTo("training points");
        assertThat(Plot.dotsLabel("training points", 100_000)).isEqualTo("training points (1 in 200 drawn)");
    }

    /** The gradient-health chart ticked epochs 1.2, 1.4, … after two epochs. */
    @Test
    void epochAxesTickAtWholeEpochs() throws Exception {
        for (int epochs : new int[] {2, 3, 7}) {
            int[] e = new int[epochs];
            double[][] norms = new double[1][epochs];
            for (int i = 0; i < epochs; i++) {
                e[i] = i + 1;
                norms[0][i] = -i;
            }
            HealthChart health = new HealthChart();
            WaitForAsyncUtils.asyncFx(() -> {
                ((StackPane) chart.getParent()).getChildren().setAll(health);
                health.show(new org.backpropstudio.training.GradientHealth(List.of("W1"), e, norms, new double[] {0},
                        new double[] {0}));
            }).get();
            WaitForAsyncUtils.waitForFxEvents();
            double step = WaitForAsyncUtils.asyncFx(health::xAxis).get()[2];
            assertThat(step).as("tick step after %d epochs", epochs).isGreaterThanOrEqualTo(1);
            assertThat(step).isEqualTo(Math.rint(step));
            WaitForAsyncUtils.asyncFx(() -> ((StackPane) health.getParent()).getChildren().setAll(chart)).get();
        }
    }

    /**
     * On a projector the dashed target and a pinned ghost looked the same: lecture mode thickened
     * the target but not its dashes, so the round caps closed the gaps. Along the falling slope of sin x
     * the lecture-mode target must still have gaps.
     */
    @Test
    void theTargetStaysDashedInLectureMode() throws Exception {
        org.backpropstudio.engine.TrainingConfig c = org.backpropstudio.engine.Presets.get("classic-sigmoid").withData(
                new org.backpropstudio.engine.DataSpec.FunctionData(org.backpropstudio.engine.TargetFunction.SIN,
                        -2 * Math.PI, 2 * Math.PI, 1, 1, 0, org.backpropstudio.engine.DataSpec.Sampling.EVEN, false));
        org.backpropstudio.training.Snapshot s = new org.backpropstudio.training.TrainingService(c).snapshotNow();
        FitChart fit = new FitChart();
        WaitForAsyncUtils.asyncFx(() -> {
            ((StackPane) chart.getParent()).getChildren().setAll(fit);
            fit.setTextScale(1.6);
            fit.setLecture(true, 1.6);
            fit.show(s);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> fit.snapshot(null, null)).get();
        int gaps = 0;
        int inkedSamples = 0;
        int samples = 0;
        boolean inked = false;
        // the falling slope after the peak, away from the y = 1 grid line the top runs along
        for (double x = 1.9; x <= 3.3; x += 0.005) {
            javafx.geometry.Point2D p = fit.screenPosition(x, Math.sin(x));
            javafx.scene.paint.Color px = image.getPixelReader().getColor((int) Math.round(p.getX()), (int) Math.round(p.getY()));
            boolean ink = px.getBrightness() < 0.8;
            if (inked && !ink) {
                gaps++;
            }
            inked = ink;
            inkedSamples += ink ? 1 : 0;
            samples++;
        }
        assertThat(gaps).as("gaps along the target's slope").isGreaterThanOrEqualTo(2);
        assertThat(inkedSamples).as("samples on the target's dashes, of %d", samples).isGreaterThan(samples / 3);
        WaitForAsyncUtils.asyncFx(() -> ((StackPane) fit.getParent()).getChildren().setAll(chart)).get();
    }
}

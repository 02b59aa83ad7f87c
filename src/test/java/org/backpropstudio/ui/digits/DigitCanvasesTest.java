package org.backpropstudio.ui.digits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.training.ClassReport;
import org.backpropstudio.ui.Localized;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The digits' canvases on a projector and across a language switch: their words are drawn, not
 * labels, so they follow the language and the text size only when they draw again.
 */
@ExtendWith(ApplicationExtension.class)
class DigitCanvasesTest {

    private final ConfusionMatrix confusion = new ConfusionMatrix();
    private final DigitGrid grid = new DigitGrid();

    @Start
    void start(Stage stage) {
        confusion.setPrefSize(400, 360);
        grid.setPrefSize(560, 480); // the grid at 1600 × 1000
        grid.relocate(420, 0);
        Pane root = new Pane(confusion, grid);
        stage.setScene(new Scene(root, 1000, 500));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        Localized.setLocale(Locale.ENGLISH);
    }

    @Test
    void theConfusionMatricesAxisWordsFollowALanguageSwitch(FxRobot robot) {
        int[][] counts = new int[10][10];
        for (int t = 0; t < 10; t++) {
            counts[t][t] = 70;
            counts[t][(t + 1) % 10] = 10;
        }
        robot.interact(() -> {
            Localized.setLocale(Locale.ENGLISH);
            confusion.show(counts);
        });
        WaitForAsyncUtils.waitForFxEvents();
        int[] english = axisWords(robot);
        robot.interact(() -> Localized.setLocale(Locale.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        int[] chinese = axisWords(robot);
        assertThat(chinese).as("the axis words drawn again in Chinese").isNotEqualTo(english);
        robot.interact(() -> Localized.setLocale(Locale.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(axisWords(robot)).as("and back in English").isEqualTo(english);
    }

    /** The pixels of the matrix's top strip, where "true ↓  answer →" is written. */
    private int[] axisWords(FxRobot robot) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = confusion.snapshot(null, null));
        int w = (int) shot[0].getWidth();
        int h = 12;
        int[] pixels = new int[w * h];
        shot[0].getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, w);
        assertThat(java.util.Arrays.stream(pixels).distinct().count()).as("words drawn there").isGreaterThan(2);
        return pixels;
    }

    @Test
    void atTheLectureTextSizeTheGridShowsFewerDigitsWithLabelsAsLargeAsTheText(FxRobot robot) {
        int n = 64;
        double[][] inputs = new double[n][784];
        int[] labels = new int[n];
        float[] probabilities = new float[n * 10];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            inputs[i][i * 7 % 784] = 1;
            probabilities[i * 10 + (i % 3 == 0 ? (i + 1) % 10 : i % 10)] = 0.9f;
        }
        Dataset test = Dataset.labelled(inputs, labels, 10);
        ClassReport.Images report = new ClassReport.Images(10, 28, probabilities, new int[10][10], 1, null);
        robot.interact(() -> grid.show(report, test));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(grid.drawn()).as("at the normal size, all of them").isEqualTo(n);
        double normalLabel = grid.labelSize();

        assertThat(normalLabel).isEqualTo(0.8 * 13, org.assertj.core.data.Offset.offset(1e-9));
        // lecture mode's grid at 1280 × 720
        robot.interact(() -> {
            grid.setPrefSize(320, 380);
            grid.setTextScale(1.6);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(grid.labelSize()).as("labels as large as lecture mode's text")
                .isGreaterThanOrEqualTo(0.8 * 13 * 1.6 - 1e-9);
        assertThat(grid.drawn()).as("fewer, larger digits").isLessThan(n).isGreaterThanOrEqualTo(6);
        assertThat(grid.labelSize()).isGreaterThan(normalLabel * 1.5);
        // a click still finds the digit under it, and no digit is drawn past the grid's edge
        int last = grid.drawn() - 1;
        javafx.geometry.Point2D centre = grid.cellCentre(last);
        assertThat(centre.getX()).isLessThan(grid.getWidth());
        assertThat(centre.getY()).isLessThan(grid.getHeight());
        robot.clickOn(grid.localToScreen(centre));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(grid.selected()).isEqualTo(last);
        // a click below the last digit drawn selects nothing new
        robot.interact(() -> grid.select(0));
        javafx.geometry.Point2D past = grid.cellCentre(grid.drawn() + grid.columns());
        if (past.getY() < grid.getHeight() - 2) {
            robot.clickOn(grid.localToScreen(past));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(grid.selected()).isZero();
        }
    }
}

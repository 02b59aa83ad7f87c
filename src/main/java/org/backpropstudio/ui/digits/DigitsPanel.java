package org.backpropstudio.ui.digits;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backpropstudio.training.ClassReport;
import org.backpropstudio.training.Snapshot;
import org.backpropstudio.ui.Localized;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Digits: the first test digits with the network's answers and the test set's confusion; the
 * first layer's weights as images; a pad to draw a digit on, read by the live network.
 */
public final class DigitsPanel extends VBox {

    private final DigitGrid grid = new DigitGrid();
    private final ProbabilityBars chosen = new ProbabilityBars();
    private final Label chosenCaption = new Label();
    private final ConfusionMatrix confusion = new ConfusionMatrix();
    private final Label confusionCaption = new Label();
    private final WeightImages weights = new WeightImages();
    private final DrawingPad pad = new DrawingPad();
    private final ProbabilityBars drawn = new ProbabilityBars();
    /** Beside the grid: the chosen digit's probabilities, and outside lecture mode the confusion. */
    private final VBox side = new VBox(4);
    /** The confusion's tab's content, in lecture mode. */
    private final VBox confusionBox = new VBox();
    private final TabPane tabs;
    private final Tab predictionsTab;
    private final Tab confusionTab;
    private final Tab drawTab;
    private final Tab weightsTab;
    private Snapshot latest;
    /** What the shown data set's images are called (digits, images, clothes). */
    private final javafx.beans.property.ObjectProperty<ImageClasses> classes =
            new javafx.beans.property.SimpleObjectProperty<>(ImageClasses.DIGITS);

    /**
     * @param read asks the training service to read a drawing with the live network (null: stop);
     *             its probabilities come back with the snapshots
     */
    public DigitsPanel(javafx.beans.binding.BooleanExpression lecture, java.util.function.Consumer<double[]> read) {
        setId("digits-panel");
        getStyleClass().add("panel");
        grid.setId("digit-grid");
        confusion.setId("confusion-matrix");
        weights.setId("weight-images");
        pad.setId("drawing-pad");
        drawn.setId("drawn-probabilities");
        chosen.setId("chosen-probabilities");
        for (Label l : new Label[] {chosenCaption, confusionCaption}) {
            l.getStyleClass().add("caption");
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wraps instead of cutting the sentence
        }
        // in lecture mode's large text the long captions would take the confusion's room: the
        // matrix's own labels (true ↓, answer →) say what it is
        confusionCaption.visibleProperty().bind(lecture.not());
        confusionCaption.managedProperty().bind(confusionCaption.visibleProperty());
        chosen.setMinHeight(70);
        confusion.setMinHeight(120);
        javafx.scene.control.Tooltip.install(grid, Localized.tooltip("digits.grid.tip"));
        javafx.scene.control.Tooltip.install(confusion, Localized.tooltip("digits.confusion.tip"));
        javafx.scene.control.Tooltip.install(weights, Localized.tooltip("digits.weights.tip"));
        javafx.scene.control.Tooltip.install(pad, Localized.tooltip("digits.pad.tip"));
        grid.setOnSelect(i -> showChosen());
        chosenCaption.textProperty().bind(Localized.text(() -> Localized.t(classes.get().key("digits.choose")), classes));
        HBox.setHgrow(grid, Priority.ALWAYS);
        side.prefWidthProperty().bind(widthProperty().multiply(0.4));
        side.setMinWidth(180);
        // in a short window the side column gives way, not the grid: at 1150 × 650 its captions,
        // bars and the confusion's least height made the row taller than the tab, and the grid's
        // last row was cut off (the confusion draws nothing when too small)
        side.setMinHeight(0);
        HBox predictions = new HBox(8, grid, side);
        // "Test images" for a data set opened from other files than the digits
        predictionsTab = tab(lecture, "digits.predictions", predictions, true);
        confusionBox.setSpacing(4);
        confusionTab = tab(lecture, "digits.confusion", confusionBox, false);

        Label weightsCaption = Localized.bind(new Label(), "digits.weightsCaption");
        weightsCaption.getStyleClass().add("caption");
        weightsCaption.setWrapText(true);
        weightsCaption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox weightBox = new VBox(4, weightsCaption, weights);
        VBox.setVgrow(weights, Priority.ALWAYS);
        weightsTab = tab(lecture, "digits.weights", weightBox, false);

        Button clear = Localized.bind(new Button(null, new FontIcon("mdi2e-eraser")), "digits.clear");
        clear.setId("pad-clear");
        clear.setOnAction(e -> pad.clear());
        Button thinner = Localized.bind(new Button(null, new FontIcon("mdi2m-minus")), "digits.thinner");
        thinner.setId("pad-thinner");
        thinner.setOnAction(e -> pad.pen(-1));
        Button thicker = Localized.bind(new Button(null, new FontIcon("mdi2p-plus")), "digits.thicker");
        thicker.setId("pad-thicker");
        thicker.setOnAction(e -> pad.pen(+1));
        for (Button b : new Button[] {clear, thinner, thicker}) {
            b.getStyleClass().add("small");
            // in lecture mode's large text the words cut them to "✎ …": the icons alone, the words on hover
            b.contentDisplayProperty().bind(javafx.beans.binding.Bindings.when(lecture)
                    .then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY).otherwise(javafx.scene.control.ContentDisplay.LEFT));
        }
        clear.setTooltip(Localized.tooltip("digits.clear"));
        thinner.setTooltip(Localized.tooltip("digits.thinner"));
        thicker.setTooltip(Localized.tooltip("digits.thicker"));
        Label padCaption = Localized.bind(new Label(), "digits.padCaption");
        padCaption.getStyleClass().add("caption");
        padCaption.setWrapText(true);
        padCaption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox padButtons = new HBox(6, clear, thinner, thicker);
        padButtons.setAlignment(Pos.CENTER_LEFT);
        VBox padBox = new VBox(6, pad, padButtons);
        VBox.setVgrow(pad, Priority.ALWAYS);
        // in lecture mode the pad takes more of the width, and its long caption (four lines in the
        // large text) gives its room to the bars: the tab's title says what to do
        padBox.prefWidthProperty().bind(javafx.beans.binding.Bindings.when(lecture)
                .then(widthProperty().multiply(0.55)).otherwise(widthProperty().multiply(0.42)));
        padCaption.visibleProperty().bind(lecture.not());
        padCaption.managedProperty().bind(padCaption.visibleProperty());
        VBox drawnBox = new VBox(6, padCaption, drawn);
        VBox.setVgrow(drawn, Priority.ALWAYS);
        HBox.setHgrow(drawnBox, Priority.ALWAYS);
        HBox draw = new HBox(12, padBox, drawnBox);
        drawTab = tab(lecture, "digits.draw", draw, false);
        pad.setOnDrawn(read);

        tabs = new TabPane(predictionsTab, weightsTab, drawTab);
        tabs.setId("digits-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (latest != null) {
                show(latest);
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().setAll(tabs);
        arrange(lecture.get());
        lecture.addListener((o, was, now) -> arrange(now));
    }

    /**
     * A tab titled by {@code key}, or in lecture mode's large text by {@code key.short}; in the
     * wording of the data set's images ({@link ImageClasses#key}) when {@code named} is true.
     */
    private Tab tab(javafx.beans.binding.BooleanExpression lecture, String key, javafx.scene.Node content,
            boolean named) {
        Tab t = new Tab(null, content);
        t.textProperty().bind(Localized.text(() -> {
            String title = lecture.get() ? key + ".short" : key;
            return Localized.t(named ? classes.get().key(title) : title);
        }, lecture, classes));
        t.setId(key.replace('.', '-'));
        return t;
    }

    /**
     * The confusion beside the grid, under the chosen digit's probabilities; in lecture mode on a
     * tab of its own, where its counts can be as large as the text (at 1280 × 720 they were 5
     * pixels high in the side column), and the probabilities take the column's height.
     */
    private void arrange(boolean lecture) {
        if (lecture) {
            side.getChildren().setAll(chosenCaption, chosen);
            confusionBox.getChildren().setAll(confusionCaption, confusion);
            tabs.getTabs().setAll(predictionsTab, confusionTab, weightsTab, drawTab);
        } else {
            tabs.getTabs().setAll(predictionsTab, weightsTab, drawTab);
            confusionBox.getChildren().clear();
            side.getChildren().setAll(chosenCaption, chosen, confusionCaption, confusion);
        }
        // the theme's dense tabs: at 1280 × 720 the four titles in the large text need its narrower padding
        tabs.getStyleClass().remove("dense");
        if (lecture) {
            tabs.getStyleClass().add("dense");
        }
        VBox.setVgrow(chosen, lecture ? Priority.ALWAYS : Priority.NEVER);
        VBox.setVgrow(confusion, Priority.ALWAYS);
    }

    /** Takes in a snapshot: the grid, the confusion and what the shown tab needs. */
    public void show(Snapshot s) {
        if (!(s.classes() instanceof ClassReport.Images images)) {
            return;
        }
        latest = s;
        classes.set(ImageClasses.of(s.config().data()));
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        if (shown == weightsTab) {
            weights.show(s.weights().get(0), images.side());
        } else if (shown == drawTab) {
            readDrawing();
        } else if (shown == confusionTab) {
            confusion.show(images.confusion());
        } else {
            grid.show(images, s.test());
            if (grid.selected() < 0) {
                grid.select(0); // its probabilities are shown from the start: a click shows another's
            }
            if (confusion.getParent() == side) { // in lecture mode it is drawn when its own tab is shown
                confusion.show(images.confusion());
            }
            Localized.bind(confusionCaption, classes.get().key("digits.confusionCaption"), images.countedAt(),
                    org.backpropstudio.i18n.Messages.integer(s.test().size()));
            showChosen();
        }
    }

    /** The chosen test digit's probabilities. */
    private void showChosen() {
        int i = grid.selected();
        if (latest == null || !(latest.classes() instanceof ClassReport.Images images) || i < 0 || i >= images.shown()) {
            return;
        }
        double[] p = new double[images.classes()];
        for (int c = 0; c < p.length; c++) {
            p[c] = images.probabilities()[i * images.classes() + c];
        }
        chosen.show(p, latest.test().label(i));
        ImageClasses named = classes.get();
        int truth = latest.test().label(i);
        int answer = images.predicted(i);
        chosenCaption.textProperty().bind(Localized.text(() -> Localized.t(named.key("digits.chosen"), i + 1,
                named.name(truth), named.name(answer))));
    }

    /** The live network's probabilities for the drawing, as the newest snapshot reports them. */
    private void readDrawing() {
        if (latest != null && latest.classes() instanceof ClassReport.Images images && images.drawn() != null) {
            double[] p = new double[images.drawn().length];
            for (int c = 0; c < p.length; c++) {
                p[c] = images.drawn()[c];
            }
            drawn.show(p, -1);
        }
    }

    public void setDark(boolean on) {
        grid.setDark(on);
        chosen.setDark(on);
        confusion.setDark(on);
        weights.setDark(on);
        pad.setDark(on);
        drawn.setDark(on);
    }

    /** Scales the drawn text with the window's (lecture mode, Ctrl+= and Ctrl+-). */
    public void setTextScale(double scale) {
        grid.setTextScale(scale);
        chosen.setTextScale(scale);
        confusion.setTextScale(scale);
        drawn.setTextScale(scale);
    }

    public DigitGrid grid() {
        return grid;
    }

    public ConfusionMatrix confusion() {
        return confusion;
    }

    public DrawingPad pad() {
        return pad;
    }

    public ProbabilityBars drawnProbabilities() {
        return drawn;
    }

    public WeightImages weights() {
        return weights;
    }

    public TabPane tabs() {
        return tabs;
    }
}

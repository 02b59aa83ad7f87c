package org.backpropstudio.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.backpropstudio.training.Inspection;
import org.backpropstudio.ui.editor.Parsers;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The backprop inspector pane: which sample, the stage shown with each matrix's name, shape,
 * formula and values, and Previous/Next to walk the stages. It draws what its
 * {@link InspectorModel} holds; asking for another sample goes through {@code pick}.
 */
public final class InspectorView extends VBox {

    private final InspectorModel model;
    private final Label sample = new Label();
    private final Label stageTitle = new Label();
    private final Label counter = new Label();
    private final Label frozen = org.backpropstudio.ui.Localized.bind(new Label(), "inspector.frozen");
    private final VBox terms = new VBox(10);
    private final TextField xField = new TextField();
    private static final java.util.function.Function<String, Double> X =
            Parsers.number("x", -1e6, false, 1e6);

    /**
     * @param pick  asks for the sample nearest to an x (the view model's inspect)
     * @param close closes the pane
     */
    /** The x field and the hint to click the fit chart: for a curve's samples, picked by x. */
    private final HBox pickRow;
    private final Label hint;

    public InspectorView(InspectorModel model, DoubleConsumer pick, Runnable close) {
        this(model, pick, null, close);
    }

    /**
     * @param pick    asks for the sample nearest to an x (the view model's inspect)
     * @param refresh traces the sample shown again (null: pick its x again)
     * @param close   closes the pane
     */
    public InspectorView(InspectorModel model, DoubleConsumer pick, Runnable refresh, Runnable close) {
        super(8);
        this.model = model;
        setId("inspector");
        getStyleClass().addAll("panel", "inspector");
        setPadding(new Insets(8, 10, 8, 10));

        Label title = org.backpropstudio.ui.Localized.bind(new Label(), "inspector.title");
        title.getStyleClass().add("panel-title");
        Button closeButton = new Button(null, new FontIcon("mdi2c-close"));
        closeButton.setId("inspector-close");
        closeButton.getStyleClass().addAll("button-circle", "flat");
        closeButton.setTooltip(org.backpropstudio.ui.Localized.tooltip("inspector.close"));
        closeButton.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(6, title, spacer, closeButton);
        head.setAlignment(Pos.CENTER_LEFT);

        sample.setId("inspector-sample");
        sample.setWrapText(true);
        sample.setMinHeight(Region.USE_PREF_SIZE);
        xField.setId("inspector-x");
        xField.promptTextProperty().bind(org.backpropstudio.ui.Localized.text("inspector.xPrompt"));
        xField.setPrefColumnCount(7);
        xField.setTooltip(org.backpropstudio.ui.Localized.tooltip("inspector.xTip"));
        Label xError = new Label();
        xError.getStyleClass().add("field-error");
        xError.managedProperty().bind(xError.textProperty().isNotEmpty());
        xField.setOnAction(e -> {
            try {
                pick.accept(X.apply(xField.getText().trim()));
                xError.setText("");
            } catch (IllegalArgumentException ex) {
                xError.setText(ex.getMessage());
            }
        });
        Button refreshButton = org.backpropstudio.ui.Localized.bind(new Button(null, new FontIcon("mdi2r-refresh")), "inspector.refresh");
        refreshButton.setId("inspector-refresh");
        refreshButton.setTooltip(org.backpropstudio.ui.Localized.tooltip("inspector.refreshTip"));
        refreshButton.setOnAction(e -> {
            Inspection i = model.inspectionProperty().get();
            if (refresh != null) {
                refresh.run();
            } else if (i != null) {
                pick.accept(i.x());
            }
        });
        Label xName = new Label("x");
        xName.getStyleClass().add("field-name");
        pickRow = new HBox(6, xName, xField, refreshButton);
        pickRow.setAlignment(Pos.CENTER_LEFT);
        hint = org.backpropstudio.ui.Localized.bind(new Label(), "inspector.hint");
        hint.getStyleClass().add("caption");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);

        Button previous = org.backpropstudio.ui.Localized.bind(new Button(null, new FontIcon("mdi2c-chevron-left")), "inspector.previousButton");
        previous.setId("inspector-previous");
        previous.setTooltip(org.backpropstudio.ui.Localized.tooltip("inspector.previous"));
        previous.setOnAction(e -> model.previous());
        previous.disableProperty().bind(model.atFirstProperty());
        Button next = org.backpropstudio.ui.Localized.bind(new Button(null, new FontIcon("mdi2c-chevron-right")), "inspector.nextButton");
        next.setId("inspector-next");
        next.setTooltip(org.backpropstudio.ui.Localized.tooltip("inspector.next"));
        next.setOnAction(e -> model.next());
        next.disableProperty().bind(model.atLastProperty());
        counter.setId("inspector-counter");
        counter.getStyleClass().add("caption");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox walk = new HBox(8, previous, counter, gap, next);
        walk.setAlignment(Pos.CENTER_LEFT);

        stageTitle.setId("inspector-stage");
        stageTitle.getStyleClass().add("section-title");
        stageTitle.setWrapText(true);
        frozen.getStyleClass().add("caption");
        frozen.setWrapText(true);
        frozen.managedProperty().bind(frozen.visibleProperty());
        frozen.setVisible(false);

        ScrollPane scroll = new ScrollPane(terms);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label note = org.backpropstudio.ui.Localized.bind(new Label(), "inspector.note");
        note.getStyleClass().add("caption");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);

        getChildren().addAll(head, sample, pickRow, xError, hint, walk, stageTitle, frozen, scroll, note);
        setPrefWidth(440);
        setMinWidth(300);
        model.currentStage().addListener((o, a, b) -> render());
        // the most terms a stage has (a backward stage): made now, with the window, rather than
        // the first time such a stage is shown, when their CSS would hold up a frame
        while (termViews.size() < 6) {
            addTermView();
        }
        render();
        org.backpropstudio.ui.Localized.onSwitch(this, this::render);
    }

    /**
     * How samples are picked: by x (a curve's: the x field, a click on the fit chart) or, for a
     * classifier, by a click on its plane or digits (the hint says which).
     */
    public void setPickByX(boolean byX, String hintKey) {
        xField.setDisable(!byX);
        pickRow.getChildren().get(0).setDisable(!byX);
        org.backpropstudio.ui.Localized.bind(hint, hintKey);
    }

    /** Says whether the numbers may be behind the training. */
    public void setTraining(boolean training) {
        frozen.setVisible(training && model.inspectionProperty().get() != null);
    }

    private void render() {
        Inspection i = model.inspectionProperty().get();
        Inspection.Stage s = model.currentStage().get();
        List<Inspection.Term> shown = i == null || s == null ? List.of() : s.terms();
        if (i == null || s == null) {
            sample.setText(org.backpropstudio.i18n.Messages.text("inspector.pick"));
            counter.setText("");
            stageTitle.setText("");
        } else {
            String set = i.dataset().substring(0, 1).toUpperCase(Locale.ROOT) + i.dataset().substring(1);
            sample.setText(i.label() >= 0
                    ? org.backpropstudio.i18n.Messages.text("inspector.sampleClass", set, i.sampleIndex() + 1, i.label(),
                            org.backpropstudio.i18n.Messages.integer(i.epoch()))
                    : org.backpropstudio.i18n.Messages.text("inspector.sample", set, i.sampleIndex() + 1,
                            org.backpropstudio.i18n.NumberText.significant(i.x()),
                            org.backpropstudio.i18n.NumberText.significant(i.y()), org.backpropstudio.i18n.Messages.integer(i.epoch())));
            counter.setText(org.backpropstudio.i18n.Messages.text("inspector.stage", model.stageProperty().get() + 1, i.stages().size()));
            stageTitle.setText(s.title());
        }
        // the term views are kept and refilled: new labels for every stage and every step cost the
        // UI thread tens of milliseconds of CSS while training
        while (termViews.size() < shown.size()) {
            addTermView();
        }
        for (int k = 0; k < termViews.size(); k++) {
            TermView v = termViews.get(k);
            boolean used = k < shown.size();
            v.box.setVisible(used);
            v.box.setManaged(used);
            if (used) {
                v.show(shown.get(k));
            }
        }
    }

    private final List<TermView> termViews = new ArrayList<>();

    private void addTermView() {
        TermView v = new TermView();
        termViews.add(v);
        terms.getChildren().add(v.box);
    }

    /**
     * One term: its name, shape, formula, and up to {@link InspectorModel#MAX_ROWS} ×
     * {@link InspectorModel#MAX_COLS} values, with a row of ⋮ and a column of … when the matrix
     * is larger, and a line saying how much is shown. The values are plain text nodes, kept.
     */
    private static final class TermView {
        final Label name = new Label();
        final Label shape = new Label();
        final Label formula = new Label();
        final Label more = new Label();
        final GridPane matrix = new GridPane();
        final javafx.scene.image.ImageView picture = new javafx.scene.image.ImageView();
        /** [row][column]; the last row holds the ⋮ marks, the last column the … marks. */
        final Text[][] cells = new Text[InspectorModel.MAX_ROWS + 1][InspectorModel.MAX_COLS + 1];
        final VBox box;

        TermView() {
            name.getStyleClass().add("term-name");
            shape.getStyleClass().add("caption");
            HBox head = new HBox(6, name, shape);
            head.setAlignment(Pos.BASELINE_LEFT);
            formula.getStyleClass().add("term-formula");
            formula.setWrapText(true);
            formula.managedProperty().bind(formula.visibleProperty());
            more.getStyleClass().add("caption");
            more.managedProperty().bind(more.visibleProperty());
            matrix.getStyleClass().add("matrix");
            matrix.setHgap(10);
            matrix.setVgap(1);
            for (int r = 0; r < cells.length; r++) {
                for (int c = 0; c < cells[r].length; c++) {
                    Text cell = new Text();
                    cell.getStyleClass().add("matrix-cell");
                    cell.managedProperty().bind(cell.visibleProperty());
                    GridPane.setHalignment(cell, HPos.RIGHT);
                    matrix.add(cell, c, r);
                    cells[r][c] = cell;
                }
            }
            picture.setSmooth(false);
            picture.managedProperty().bind(picture.visibleProperty());
            box = new VBox(2, head, formula, picture, matrix, more);
            box.getStyleClass().add("term");
        }

        /**
         * A row of side² values (a 784-wide input, its gradient) as its image: values in [0, 1] in
         * grey as the digits are shown, any others blue above 0 and orange below.
         */
        void showPicture(Inspection.Term t) {
            int side = (int) Math.round(Math.sqrt(t.cols()));
            boolean image = t.rows() == 1 && side >= 14 && side * side == t.cols(); // 196 pixels and up
            picture.setVisible(image);
            if (!image) {
                return;
            }
            double max = 0;
            boolean grey = true;
            for (double v : t.values()[0]) {
                max = Math.max(max, Math.abs(v));
                grey &= v >= 0 && v <= 1;
            }
            javafx.scene.image.WritableImage img = new javafx.scene.image.WritableImage(side, side);
            for (int p = 0; p < side * side; p++) {
                double v = t.values()[0][p];
                int rgb;
                if (grey) {
                    int g = (int) Math.round(255 * v);
                    rgb = g << 16 | g << 8 | g;
                } else {
                    double s = max == 0 ? 0 : v / max;
                    rgb = org.backpropstudio.ui.ClassPalette.mix(0xffffff,
                            org.backpropstudio.ui.ClassPalette.rgb(s >= 0 ? 0 : 1), Math.abs(s));
                }
                img.getPixelWriter().setArgb(p % side, p / side, 0xFF000000 | rgb);
            }
            picture.setImage(img);
            picture.setFitWidth(side * 4);
            picture.setFitHeight(side * 4);
        }

        void show(Inspection.Term t) {
            showPicture(t);
            name.setText(t.name());
            shape.setText(t.shape());
            formula.setText("= " + t.formula());
            formula.setVisible(!t.formula().isEmpty());
            int rows = Math.min(t.rows(), InspectorModel.MAX_ROWS);
            int cols = Math.min(t.cols(), InspectorModel.MAX_COLS);
            for (int r = 0; r < cells.length; r++) {
                for (int c = 0; c < cells[r].length; c++) {
                    String text = null;
                    if (r < rows && c < cols) {
                        text = org.backpropstudio.i18n.NumberText.significant(t.values()[r][c]);
                    } else if (r < rows && c == cols && t.cols() > cols) {
                        text = "…";
                    } else if (r == rows && c < cols && t.rows() > rows) {
                        text = "⋮";
                    }
                    cells[r][c].setVisible(text != null);
                    if (text != null) {
                        cells[r][c].setText(text);
                    }
                }
            }
            boolean cut = t.rows() > InspectorModel.MAX_ROWS || t.cols() > InspectorModel.MAX_COLS;
            more.setVisible(cut);
            more.setText(cut ? shownPart(t) : "");
        }
    }

    /** "showing 6 of 10 rows", "showing 5 of 10 columns" or both. */
    static String shownPart(Inspection.Term t) {
        String rows = t.rows() > InspectorModel.MAX_ROWS
                ? org.backpropstudio.i18n.Messages.text("inspector.rows", InspectorModel.MAX_ROWS, t.rows()) : "";
        String cols = t.cols() > InspectorModel.MAX_COLS
                ? org.backpropstudio.i18n.Messages.text("inspector.columns", InspectorModel.MAX_COLS, t.cols()) : "";
        return org.backpropstudio.i18n.Messages.text("inspector.showing", rows + (rows.isEmpty() || cols.isEmpty() ? "" : ", ") + cols);
    }

    /** The values shown for each visible term, row by row (for tests). */
    public List<List<String>> shownValues() {
        List<List<String>> all = new ArrayList<>();
        for (TermView v : termViews) {
            if (v.box.isVisible()) {
                List<String> values = new ArrayList<>();
                for (Text[] row : v.cells) {
                    for (Text cell : row) {
                        if (cell.isVisible()) {
                            values.add(cell.getText());
                        }
                    }
                }
                all.add(values);
            }
        }
        return all;
    }
}

package org.backpropstudio.ui.inspector;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
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
    private final Label frozen = new Label("Training: the numbers are as of the epoch shown. Refresh to update.");
    private final VBox terms = new VBox(10);
    private final TextField xField = new TextField();
    private static final java.util.function.Function<String, Double> X =
            Parsers.number("x", -1e6, false, 1e6);

    /**
     * @param pick  asks for the sample nearest to an x (the view model's inspect)
     * @param close closes the pane
     */
    public InspectorView(InspectorModel model, DoubleConsumer pick, Runnable close) {
        super(8);
        this.model = model;
        setId("inspector");
        getStyleClass().addAll("panel", "inspector");
        setPadding(new Insets(8, 10, 8, 10));

        Label title = new Label("Backprop inspector");
        title.getStyleClass().add("panel-title");
        Button closeButton = new Button(null, new FontIcon("mdi2c-close"));
        closeButton.setId("inspector-close");
        closeButton.getStyleClass().addAll("button-circle", "flat");
        closeButton.setTooltip(new Tooltip("Close the inspector (I)"));
        closeButton.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(6, title, spacer, closeButton);
        head.setAlignment(Pos.CENTER_LEFT);

        sample.setId("inspector-sample");
        sample.setWrapText(true);
        sample.setMinHeight(Region.USE_PREF_SIZE);
        xField.setId("inspector-x");
        xField.setPromptText("e.g. 1.5");
        xField.setPrefColumnCount(7);
        xField.setTooltip(new Tooltip("Type an x and press Enter: the training sample nearest to it is traced"));
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
        Button refresh = new Button("Refresh", new FontIcon("mdi2r-refresh"));
        refresh.setId("inspector-refresh");
        refresh.setTooltip(new Tooltip("Trace the same sample through the current weights"));
        refresh.setOnAction(e -> {
            Inspection i = model.inspectionProperty().get();
            if (i != null) {
                pick.accept(i.x());
            }
        });
        Label xName = new Label("x");
        xName.getStyleClass().add("field-name");
        HBox pickRow = new HBox(6, xName, xField, refresh);
        pickRow.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("or click a point on the fit chart");
        hint.getStyleClass().add("caption");

        Button previous = new Button("Previous", new FontIcon("mdi2c-chevron-left"));
        previous.setId("inspector-previous");
        previous.setTooltip(new Tooltip("The stage before (Page Up)"));
        previous.setOnAction(e -> model.previous());
        previous.disableProperty().bind(model.atFirstProperty());
        Button next = new Button("Next", new FontIcon("mdi2c-chevron-right"));
        next.setId("inspector-next");
        next.setTooltip(new Tooltip("The next stage (Page Down)"));
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
        Label note = new Label("One sample, as a batch of one: the engine's own forward and backward passes, and one "
                + "step of the optimizer (with its current state) on copies of the weights.");
        note.getStyleClass().add("caption");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);

        getChildren().addAll(head, sample, pickRow, xError, hint, walk, stageTitle, frozen, scroll, note);
        setPrefWidth(440);
        setMinWidth(300);
        model.currentStage().addListener((o, a, b) -> render());
        render();
    }

    /** Says whether the numbers may be behind the training. */
    public void setTraining(boolean training) {
        frozen.setVisible(training && model.inspectionProperty().get() != null);
    }

    private void render() {
        Inspection i = model.inspectionProperty().get();
        Inspection.Stage s = model.currentStage().get();
        if (i == null || s == null) {
            sample.setText("Pick a sample: click a point on the fit chart or type its x.");
            counter.setText("");
            stageTitle.setText("");
            terms.getChildren().clear();
            return;
        }
        sample.setText(String.format(Locale.ROOT, "%s sample %d: x = %s, y = %s; weights of epoch %,d",
                i.dataset().substring(0, 1).toUpperCase(Locale.ROOT) + i.dataset().substring(1), i.sampleIndex() + 1,
                InspectorModel.format(i.x()), InspectorModel.format(i.y()), i.epoch()));
        counter.setText(String.format(Locale.ROOT, "stage %d of %d", model.stageProperty().get() + 1,
                i.stages().size()));
        stageTitle.setText(s.title());
        terms.getChildren().clear();
        for (Inspection.Term t : s.terms()) {
            terms.getChildren().add(term(t));
        }
    }

    private static Node term(Inspection.Term t) {
        Label name = new Label(t.name());
        name.getStyleClass().add("term-name");
        Label shape = new Label(t.shape());
        shape.getStyleClass().add("caption");
        HBox head = new HBox(6, name, shape);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(2, head);
        if (!t.formula().isEmpty()) {
            Label formula = new Label("= " + t.formula());
            formula.getStyleClass().add("term-formula");
            formula.setWrapText(true);
            box.getChildren().add(formula);
        }
        box.getChildren().add(matrix(t));
        if (t.rows() > InspectorModel.MAX_ROWS || t.cols() > InspectorModel.MAX_COLS) {
            Label more = new Label(shownPart(t));
            more.getStyleClass().add("caption");
            box.getChildren().add(more);
        }
        box.getStyleClass().add("term");
        return box;
    }

    /** "showing 6 of 10 rows", "showing 5 of 10 columns" or both. */
    static String shownPart(Inspection.Term t) {
        String rows = t.rows() > InspectorModel.MAX_ROWS
                ? String.format(Locale.ROOT, "%d of %d rows", InspectorModel.MAX_ROWS, t.rows()) : "";
        String cols = t.cols() > InspectorModel.MAX_COLS
                ? String.format(Locale.ROOT, "%d of %d columns", InspectorModel.MAX_COLS, t.cols()) : "";
        return "showing " + rows + (rows.isEmpty() || cols.isEmpty() ? "" : ", ") + cols;
    }

    private static GridPane matrix(Inspection.Term t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("matrix");
        grid.setHgap(10);
        grid.setVgap(1);
        int rows = Math.min(t.rows(), InspectorModel.MAX_ROWS);
        int cols = Math.min(t.cols(), InspectorModel.MAX_COLS);
        for (int c = 0; c < cols; c++) {
            javafx.scene.layout.ColumnConstraints right = new javafx.scene.layout.ColumnConstraints();
            right.setHalignment(javafx.geometry.HPos.RIGHT);
            grid.getColumnConstraints().add(right);
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Label v = new Label(InspectorModel.format(t.values()[r][c]));
                v.getStyleClass().add("matrix-cell");
                v.setMinWidth(Region.USE_PREF_SIZE); // never "−8.274...": the pane scrolls sideways instead
                grid.add(v, c, r);
            }
            if (t.cols() > cols) {
                grid.add(ellipsis("…"), cols, r);
            }
        }
        if (t.rows() > rows) {
            for (int c = 0; c < cols; c++) {
                grid.add(ellipsis("⋮"), c, rows);
            }
        }
        return grid;
    }

    private static Label ellipsis(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("matrix-cell");
        return l;
    }
}

package org.backpropstudio.ui.plane;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Feature;
import org.backpropstudio.engine.PlaneShape;
import org.backpropstudio.engine.Task;
import org.backpropstudio.engine.TrainingConfig;
import org.backpropstudio.training.ClassReport;
import org.backpropstudio.training.Snapshot;
import org.backpropstudio.ui.ClassPalette;
import org.backpropstudio.ui.Localized;
import org.backpropstudio.ui.StudioViewModel;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Classes in the plane: the data's controls (shape, classes, noise, new points), the plane with
 * its class regions and points, every unit's map beside it, the class a click adds and the
 * network's input features. Choices here restart training from the seed, as the editor's do.
 */
public final class PlanePanel extends VBox {

    /** Noise levels offered (σ of the points' jitter). */
    static final List<Double> NOISES = List.of(0.0, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2);
    /** Shares of the points for training offered (the rest test). */
    static final List<Double> SHARES = List.of(0.1, 0.3, 0.5, 0.7, 0.8, 0.9);

    private final StudioViewModel vm;
    private final PlaneChart chart = new PlaneChart();
    private final UnitMaps units = new UnitMaps();
    private final ComboBox<PlaneShape> shape = new ComboBox<>();
    private final Spinner<Integer> classes = new Spinner<>(2, 5, 2);
    private final ComboBox<Double> noise = new ComboBox<>();
    private final ComboBox<Double> share = new ComboBox<>();
    private final ToggleGroup paint = new ToggleGroup();
    private final FlowPane paintBox = new FlowPane(4, 4);
    private final Map<Feature, ToggleButton> features = new EnumMap<>(Feature.class);
    /** True while the controls are set from a snapshot: their listeners send nothing then. */
    private boolean syncing;
    private DataSpec shownData;

    public PlanePanel(StudioViewModel vm, javafx.beans.binding.BooleanExpression lecture) {
        super(4);
        this.vm = vm;
        setId("plane-panel");
        getStyleClass().add("panel");
        chart.setId("plane-chart");
        units.setId("unit-maps");
        units.setOnHover(chart::showUnit);
        javafx.scene.control.Tooltip.install(units, Localized.tooltip("plane.units.tip"));

        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(Localized.text(() -> Localized.t(lecture.get() ? "plane.title.short" : "plane.title"),
                lecture));
        shape.setId("plane-shape");
        shape.getItems().setAll(PlaneShape.values());
        Localized.choices(shape, s -> Localized.t("plane.shape." + s.wireName()));
        shape.setTooltip(Localized.tooltip("plane.shape.tip"));
        classes.setId("plane-classes");
        classes.setPrefWidth(70);
        classes.setTooltip(Localized.tooltip("plane.classes.tip"));
        noise.setId("plane-noise");
        noise.getItems().setAll(NOISES);
        Localized.choices(noise, v -> Localized.t("plane.noiseLevel", org.backpropstudio.i18n.NumberText.plain(v)));
        noise.setTooltip(Localized.tooltip("plane.noise.tip"));
        share.setId("plane-share");
        share.getItems().setAll(SHARES);
        Localized.choices(share, v -> Localized.t("plane.shareLevel", Math.round(100 * v)));
        share.setTooltip(Localized.tooltip("plane.share.tip"));
        Button regenerate = Localized.bind(new Button(null, new FontIcon("mdi2d-dice-5")), "plane.regenerate");
        regenerate.setId("plane-regenerate");
        regenerate.setTooltip(Localized.tooltip("plane.regenerate.tip"));
        regenerate.setOnAction(e -> regenerate());
        shape.valueProperty().addListener((o, a, b) -> dataChosen());
        classes.valueProperty().addListener((o, a, b) -> dataChosen());
        noise.valueProperty().addListener((o, a, b) -> dataChosen());
        share.valueProperty().addListener((o, a, b) -> dataChosen());
        // in lecture mode the task chooser names the view: the title gives its room to the controls,
        // and New points shows its icon only (its tooltip names it)
        title.visibleProperty().bind(lecture.not());
        title.managedProperty().bind(title.visibleProperty());
        regenerate.contentDisplayProperty().bind(javafx.beans.binding.Bindings.when(lecture)
                .then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY).otherwise(javafx.scene.control.ContentDisplay.LEFT));
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {shape, noise, share, regenerate}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped to a second line, never cut to "no…"
        }
        // a narrow panel (lecture mode on a projector) wraps the controls onto a second line
        FlowPane head = new FlowPane(8, 4, title, shape, labelled("plane.classes", classes), noise, share, regenerate);
        head.setAlignment(Pos.CENTER_LEFT);
        title.setPadding(new javafx.geometry.Insets(0, 16, 0, 0));

        Label paintLabel = Localized.bind(new Label(), "plane.paint");
        paintLabel.getStyleClass().add("caption");
        Label hint = Localized.bind(new Label(), "plane.hint");
        hint.getStyleClass().add("caption");
        hint.visibleProperty().bind(lecture.not());
        hint.managedProperty().bind(hint.visibleProperty());
        paintBox.setId("plane-paint");

        Label inputs = Localized.bind(new Label(), "plane.inputs");
        inputs.getStyleClass().add("caption");
        HBox featureBox = new HBox(4, inputs);
        featureBox.setAlignment(Pos.CENTER_LEFT);
        for (Feature f : Feature.values()) {
            ToggleButton b = new ToggleButton(f.label());
            b.setId("feature-" + f.name().toLowerCase(java.util.Locale.ROOT));
            b.getStyleClass().add("small");
            b.setTooltip(Localized.tooltip("plane.feature.tip", f.label()));
            b.selectedProperty().addListener((o, was, on) -> featureChosen(f, on));
            features.put(f, b);
            featureBox.getChildren().add(b);
        }
        chart.setPointEditor(new PlaneChart.PointEditor() {
            @Override
            public void add(double x1, double x2, boolean test) {
                vm.addPlanePoint(x1, x2, chosenClass(), test);
            }

            @Override
            public void remove(double x1, double x2) {
                vm.removePlanePoint(x1, x2);
            }
        });
        HBox.setHgrow(chart, Priority.ALWAYS);
        // the inputs under the plane, the class a click adds beside them: one row, so the plane keeps
        // its height; in lecture mode, where the larger text wraps that row in two, the classes go
        // under the unit maps, whose maps are as large with the height left (on a 1280 × 720
        // projector the finished spiral's plane was 185 px, with the classes there 230 px)
        HBox paintRow = new HBox(6);
        paintRow.setAlignment(Pos.CENTER_LEFT);
        paintBox.setAlignment(Pos.CENTER_LEFT);
        VBox paintUnder = new VBox(4);
        paintUnder.setId("plane-paint-under-units");
        Runnable placePaint = () -> {
            boolean under = lecture.get();
            (under ? paintUnder : paintRow).getChildren().setAll(paintLabel, paintBox);
            paintRow.setVisible(!under);
            paintRow.setManaged(!under);
            paintUnder.setVisible(under);
            paintUnder.setManaged(under);
        };
        lecture.addListener((o, was, on) -> placePaint.run());
        placePaint.run();
        VBox unitsColumn = new VBox(8, units, paintUnder);
        VBox.setVgrow(units, Priority.ALWAYS);
        unitsColumn.prefWidthProperty().bind(widthProperty().multiply(0.3));
        // in lecture mode the plane, short of height, would take the maps' width too (in 简体中文 they
        // were squeezed out): they keep a quarter
        unitsColumn.minWidthProperty().bind(javafx.beans.binding.Bindings.when(lecture)
                .then(widthProperty().multiply(0.25)).otherwise(javafx.scene.layout.Region.USE_COMPUTED_SIZE));
        HBox middle = new HBox(8, chart, unitsColumn);
        VBox.setVgrow(middle, Priority.ALWAYS);
        FlowPane bottomRow = new FlowPane(24, 4, featureBox, paintRow, hint);
        bottomRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(head, middle, bottomRow);
    }

    private static HBox labelled(String key, javafx.scene.Node control) {
        Label l = Localized.bind(new Label(), key);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox box = new HBox(4, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The class a click adds (0-based). */
    int chosenClass() {
        return paint.getSelectedToggle() == null ? 0 : (int) paint.getSelectedToggle().getUserData();
    }

    /** Chooses the class a click adds (0-based), as a click on its swatch does. */
    public void chooseClass(int c) {
        paint.getToggles().stream().filter(t -> (int) t.getUserData() == c).findFirst().ifPresent(t -> t.setSelected(true));
    }

    /** Takes in a snapshot: the controls follow its setup, the chart and the maps its report. */
    public void show(Snapshot s) {
        if (!(s.classes() instanceof ClassReport.Plane plane) || !(s.config().data() instanceof DataSpec.Plane data)) {
            return;
        }
        if (!data.equals(shownData)) {
            sync(data);
        } else {
            // the data this panel asked for, now running: the class box's range and the palette
            // follow it too (set only for data from elsewhere, 3 → 4 classes kept three buttons)
            followClasses(data);
        }
        chart.show(plane);
    }

    /** Draws the unit maps of a snapshot (they change little between frames: drawn less often). */
    public void showUnits(Snapshot s) {
        if (s.classes() instanceof ClassReport.Plane plane) {
            units.show(plane);
        }
    }

    private void sync(DataSpec.Plane data) {
        syncing = true;
        try {
            shownData = data;
            if (data instanceof DataSpec.PlaneData d) {
                shape.setValue(d.shape());
                noise.setValue(d.noise());
                share.setValue(d.trainShare());
            } else {
                shape.setValue(null); // points clicked in: no generator
                shape.setPromptText(Localized.t("plane.shape.clicked"));
                if (noise.getValue() == null) {
                    noise.setValue(PlaneSetups.NOISE); // what a shape chosen next will have
                }
                if (share.getValue() == null) {
                    share.setValue(PlaneSetups.TRAIN_SHARE);
                }
            }
            followClasses(data);
            classes.getValueFactory().setValue(data.classes());
            for (Map.Entry<Feature, ToggleButton> e : features.entrySet()) {
                e.getValue().setSelected(data.inputs().contains(e.getKey()));
            }
        } finally {
            syncing = false;
        }
    }

    /** The data the class box and the palette last followed ({@link #followClasses}). */
    private DataSpec.Plane followed;

    /** The most classes points clicked in may have: the palette's colours, and the keys 0 … 4. */
    private static final int CLICKED_MAX_CLASSES = 5;

    private static int highestLabel(DataSpec.PlanePoints points) {
        int highest = -1;
        for (DataSpec.Points p : new DataSpec.Points[] {points.train(), points.test()}) {
            for (int label : p.labels()) {
                highest = Math.max(highest, label);
            }
        }
        return highest;
    }

    /** The class box's range for the data (its shape's, or the clicked points'), and a palette button per class. */
    private void followClasses(DataSpec.Plane data) {
        if (data == followed) {
            return; // the same snapshot data as the last frame's: nothing to follow
        }
        followed = data;
        boolean wasSyncing = syncing;
        syncing = true;
        try {
            // the shape's range; for points clicked in, from the classes they have to the palette's 5
            int least = data instanceof DataSpec.PlaneData d ? d.shape().minClasses()
                    : Math.max(Task.Classification.MIN_CLASSES, highestLabel((DataSpec.PlanePoints) data) + 1);
            int most = data instanceof DataSpec.PlaneData d ? d.shape().maxClasses()
                    : Math.max(CLICKED_MAX_CLASSES, data.classes()); // (an experiment's points may hold more)
            var range = (SpinnerValueFactory.IntegerSpinnerValueFactory) classes.getValueFactory();
            if (range.getMin() != least || range.getMax() != most) {
                range.setMin(least);
                range.setMax(most);
            }
            // noise and the training share make generated points; clicked ones have neither
            noise.setDisable(!(data instanceof DataSpec.PlaneData));
            share.setDisable(!(data instanceof DataSpec.PlaneData));
            // the palette is made again only for another class count: points clicked in change
            // the data but not its classes, and the buttons stay under the pointer
            if (paintBox.getChildren().size() == data.classes()) {
                return;
            }
            int chosen = Math.min(chosenClass(), data.classes() - 1);
            paint.getToggles().clear();
            paintBox.getChildren().clear();
            for (int c = 0; c < data.classes(); c++) {
                Rectangle swatch = new Rectangle(12, 12, ClassPalette.color(c));
                swatch.setStroke(javafx.scene.paint.Color.WHITE); // seen on the chosen button's blue too
                // classes are numbered from 0, as in the files and the digits
                ToggleButton b = new ToggleButton(Integer.toString(c), swatch);
                b.setId("paint-" + c);
                b.setUserData(c);
                b.getStyleClass().add("small");
                b.setToggleGroup(paint);
                b.setTooltip(Localized.tooltip("plane.paint.tip", c));
                paintBox.getChildren().add(b);
            }
            chooseClass(chosen);
        } finally {
            syncing = wasSyncing;
        }
    }

    private void dataChosen() {
        if (!syncing && shownData instanceof DataSpec.PlanePoints points && shape.getValue() == null
                && classes.getValue() != null && classes.getValue() != points.classes()) {
            // points clicked in: another class count for them (the box's range keeps every point's class)
            apply(new DataSpec.PlanePoints(points.train(), points.test(), classes.getValue(),
                    java.util.Set.copyOf(points.inputs())), Localized.t("reason.pointClasses", classes.getValue()));
            return;
        }
        if (syncing || shownData == null || shape.getValue() == null || noise.getValue() == null
                || share.getValue() == null) {
            return;
        }
        DataSpec.PlaneData data = PlaneSetups.generated((DataSpec.Plane) shownData, shape.getValue(),
                classes.getValue(), noise.getValue(), share.getValue());
        if (data.equals(shownData)) {
            return;
        }
        apply(data, Localized.t("reason.planeData", Localized.t("plane.shape." + data.shape().wireName()),
                data.classes(), org.backpropstudio.i18n.NumberText.plain(data.noise()), Math.round(100 * data.trainShare())));
    }

    private void featureChosen(Feature f, boolean on) {
        if (syncing || shownData == null) {
            return;
        }
        DataSpec.Plane data = PlaneSetups.withFeature((DataSpec.Plane) shownData, f, on);
        if (data == null) {
            syncing = true;
            features.get(f).setSelected(true); // the last feature stays: a network needs an input
            syncing = false;
            vm.showMessage(Localized.t("plane.lastFeature"));
            return;
        }
        apply(data, Localized.t(on ? "reason.featureOn" : "reason.featureOff", f.label()));
    }

    /** New points of the same kind: the next seed. */
    private void regenerate() {
        TrainingConfig config = vm.editor().applied();
        DataSpec.Plane data = shownData instanceof DataSpec.PlaneData d ? d
                : PlaneSetups.generated((DataSpec.Plane) shownData, PlaneShape.CIRCLE, 2, PlaneSetups.NOISE);
        vm.reconfigure(PlaneSetups.withData(config, data).withSeed(config.seed() + 1),
                Localized.t("reason.regenerated", config.seed() + 1));
    }

    private void apply(DataSpec.Plane data, String reason) {
        shownData = data; // a second change before the snapshot comes builds on this one
        vm.reconfigure(PlaneSetups.withData(vm.editor().applied(), data), reason);
    }

    public PlaneChart chart() {
        return chart;
    }

    public UnitMaps units() {
        return units;
    }

    public void setDark(boolean on) {
        chart.setDark(on);
        units.setDark(on);
    }

    /** Scales the drawn text with the window's (lecture mode, Ctrl+= and Ctrl+-). */
    public void setTextScale(double scale) {
        chart.setTextScale(scale);
        units.setTextScale(scale);
    }
}

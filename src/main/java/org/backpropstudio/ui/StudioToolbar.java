package org.backpropstudio.ui;

import java.util.Map;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The toolbar: Play, Step, Reset, the epoch (and in lecture mode the losses or the accuracy, read
 * out large), the preset and speed boxes, the tool buttons (pin, inspector, gradient check,
 * export, theme) and lecture mode.
 */
final class StudioToolbar extends HBox {

    /** The gradient check's report, a window of its own. */
    private final Deferred<GradientCheckWindow> gradientWindow;

    /** Icons whose size follows the text size, with their size in em (the shell sizes them). */
    private final Map<FontIcon, Double> scaledIcons;
    private final Region spacer = new Region();
    private final HBox tools = new HBox(10);

    StudioToolbar(StudioView view, HBox toolbarSetupSlot, VBox lectureSetupSlot, Map<FontIcon, Double> scaledIcons) {
        super(10);
        this.scaledIcons = scaledIcons;
        StudioViewModel vm = view.vm();
        Button play = new Button();
        play.setId("play");
        play.getStyleClass().addAll("play-button", "button-circle", "accent");
        FontIcon playIcon = new FontIcon("mdi2p-play");
        scaledIcons.put(playIcon, 2.3);
        play.setGraphic(playIcon);
        vm.playingProperty().addListener((o, was, now) -> playIcon.setIconLiteral(now ? "mdi2p-pause" : "mdi2p-play"));
        play.setTooltip(Localized.tooltip("toolbar.play"));
        play.setOnAction(e -> vm.togglePlay());

        Button step = iconButton("step", "mdi2s-skip-next", "toolbar.step", vm::step);
        Button reset = iconButton("reset", "mdi2r-restart", "toolbar.reset",
                vm::reset);

        Label epochTitle = Localized.bind(new Label(), "toolbar.epoch");
        epochTitle.getStyleClass().add("caption");
        Label epoch = new Label();
        epoch.setId("epoch");
        epoch.getStyleClass().add("epoch-counter");
        epoch.textProperty().bind(vm.epochTextProperty());
        epoch.setMinWidth(Region.USE_PREF_SIZE); // the numbers are never cut to "2..."
        VBox epochBox = new VBox(-2, epochTitle, epoch);
        epochBox.setAlignment(Pos.CENTER_LEFT);
        epochBox.getStyleClass().add("epoch-box"); // wide enough for 5 digits, so the toolbar does not jump

        ComboBox<String> preset = new ComboBox<>();
        preset.setId("preset");
        preset.getItems().setAll(org.backpropstudio.io.PresetCatalog.names());
        Localized.choices(preset, name -> name); // preset names are names in every language; the cell shows the prompt
        preset.setValue(vm.presetProperty().get());
        preset.setTooltip(Localized.tooltip("toolbar.preset.tip"));
        vm.presetProperty().addListener((o, a, b) -> preset.setValue(b.isEmpty() ? null : b));
        preset.promptTextProperty().bind(javafx.beans.binding.Bindings.when(vm.customSetupProperty())
                .then(Localized.text("toolbar.preset.custom")).otherwise(Localized.text("toolbar.preset.experiment")));
        preset.setOnAction(e -> {
            String name = preset.getValue();
            if (name != null && !name.equals(vm.presetProperty().get())) {
                view.loadPreset(name, () -> preset.setValue(vm.presetProperty().get().isEmpty() ? null
                        : vm.presetProperty().get()));
            }
        });

        ComboBox<StudioViewModel.Speed> speed = new ComboBox<>();
        speed.setId("speed");
        speed.getItems().setAll(StudioViewModel.SPEEDS);
        speed.setTooltip(Localized.tooltip("toolbar.speed.tip"));
        Localized.choices(speed, StudioViewModel.Speed::label);
        speed.setOnAction(e -> {
            vm.setSpeed(speed.getValue());
            view.fitChart().setTransitionSeconds(transitionSeconds(speed.getValue().epochsPerSecond()));
        });
        speed.setValue(StudioViewModel.DEFAULT_SPEED);
        vm.setSpeed(StudioViewModel.DEFAULT_SPEED); // the service starts at max speed: tell it the studio's pace
        view.fitChart().setTransitionSeconds(transitionSeconds(StudioViewModel.DEFAULT_SPEED.epochsPerSecond()));

        ToggleButton theme = new ToggleButton(null, new FontIcon("mdi2t-theme-light-dark"));
        theme.setId("theme");
        theme.setTooltip(Localized.tooltip("toolbar.theme"));
        theme.selectedProperty().bindBidirectional(view.darkProperty()); // the click toggles it
        theme.setOnAction(e -> view.rememberTheme());

        Button check = iconButton("check-gradients", "mdi2c-check-decagram",
                "toolbar.gradcheck",
                vm::checkGradients);
        // made and styled soon after the window is up (buildHidden), so that the first check does
        // not style it while training, nor hold the window back
        gradientWindow = new Deferred<>(() -> new GradientCheckWindow(view.stage(),
                StudioView.class.getResource("studio.css").toExternalForm()));
        vm.gradientChecksProperty().addListener(o -> gradientWindow.get().show(vm.gradientsProperty().get()));

        Button pin = iconButton("pin", "mdi2p-pin",
                "toolbar.pin", vm::pin);

        Button inspect = iconButton("inspect", "mdi2m-magnify-scan",
                "toolbar.inspector",
                view::toggleInspector);

        Button export = iconButton("export", "mdi2e-export", "toolbar.export",
                () -> view.files().exportWeights());

        FontIcon lectureIcon = new FontIcon("mdi2p-projector-screen");
        scaledIcons.put(lectureIcon, 1.4);
        ToggleButton lectureToggle = new ToggleButton(null, lectureIcon);
        lectureToggle.setId("lecture");
        lectureToggle.getStyleClass().addAll("button-circle", "tool-button");
        lectureToggle.setTooltip(Localized.tooltip("toolbar.lecture"));
        lectureToggle.selectedProperty().bindBidirectional(view.lectureToggleProperty());

        // in lecture mode the losses are read out large in the toolbar, not small in the status bar
        Node trainReadout = readout("status.trainLoss", "lecture-train-loss", vm.trainLossTextProperty());
        Node testReadout = readout("status.testLoss", "lecture-test-loss", vm.testLossTextProperty());
        Node accuracyReadout = readout("status.testAccuracy", "lecture-test-accuracy", vm.testAccuracyTextProperty());
        // a classifier's lecture reads out its test loss and accuracy (the room of two read-outs)
        trainReadout.visibleProperty().bind(vm.classifierProperty().not());
        accuracyReadout.visibleProperty().bind(vm.classifierProperty());
        for (Node n : new Node[] {trainReadout, accuracyReadout}) {
            n.managedProperty().bind(n.visibleProperty());
        }
        HBox lossReadout = new HBox(18, new Separator(Orientation.VERTICAL), trainReadout, testReadout, accuracyReadout);
        lossReadout.setAlignment(Pos.CENTER_LEFT);
        lossReadout.visibleProperty().bind(view.lectureProperty());
        lossReadout.managedProperty().bind(lossReadout.visibleProperty());

        HBox.setHgrow(spacer, Priority.ALWAYS);
        tools.getChildren().setAll(pin, inspect, check, export, theme);
        tools.setId("tools");
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.managedProperty().bind(tools.visibleProperty());
        toolbarSetupSlot.getChildren().setAll(new Separator(Orientation.VERTICAL), labelled("toolbar.preset", preset),
                labelled("toolbar.speed", speed));
        toolbarSetupSlot.setAlignment(Pos.CENTER_LEFT);
        lectureSetupSlot.getStyleClass().add("lecture-setup");
        getChildren().addAll(play, step, reset, new Separator(Orientation.VERTICAL), epochBox, lossReadout,
                toolbarSetupSlot, spacer, tools, lectureToggle);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("top-bar");
    }

    /**
     * When the bar is too narrow for everything (lecture mode's large text on a 1280-pixel
     * projector), the tool buttons fold away first: each is in the menus too, and the controls a
     * lecture needs (Play, the read-outs, preset, speed) keep their full size.
     */
    @Override
    protected void layoutChildren() {
        double needed = snappedLeftInset() + snappedRightInset() + getSpacing() * (getChildren().size() - 1);
        for (Node n : getChildren()) {
            // what is not laid out takes no room (the lecture read-outs outside lecture mode); the
            // tools count whether shown or not, or they would flicker
            needed += n == spacer || !n.isManaged() && n != tools ? 0 : n.prefWidth(-1);
        }
        tools.setVisible(getWidth() >= needed);
        super.layoutChildren();
    }

    /**
     * How long the fit curve glides from one epoch's prediction to the next: most of the time
     * between epochs at 10 epochs/s or slower (0.6 s at 1 epoch/s), none when faster.
     */
    /** Builds the gradient check's window, hidden (see {@link StudioView#buildHidden}). */
    void buildHidden() {
        gradientWindow.get();
    }

    boolean hiddenBuilt() {
        return gradientWindow.built();
    }

    static double transitionSeconds(double epochsPerSecond) {
        return epochsPerSecond <= 10 ? Math.min(0.6, 0.6 / epochsPerSecond) : 0;
    }

    /** A large read-out: a caption over a value in the epoch counter's style. */
    private static Node readout(String captionKey, String id, javafx.beans.value.ObservableValue<String> value) {
        Label title = Localized.bind(new Label(), captionKey);
        title.getStyleClass().add("caption");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("epoch-counter");
        v.textProperty().bind(value);
        v.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(-2, title, v);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Node labelled(String key, Node control) {
        Label l = Localized.bind(new Label(), key);
        l.getStyleClass().add("caption");
        VBox box = new VBox(0, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Button iconButton(String id, String icon, String tipKey, Runnable action) {
        FontIcon graphic = new FontIcon(icon);
        scaledIcons.put(graphic, 1.4);
        Button b = new Button(null, graphic);
        b.setId(id);
        b.getStyleClass().addAll("button-circle", "tool-button");
        b.setTooltip(Localized.tooltip(tipKey));
        b.setOnAction(e -> action.run());
        return b;
    }
}

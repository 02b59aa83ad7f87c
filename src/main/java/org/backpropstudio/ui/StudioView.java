package org.backpropstudio.ui;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.training.Snapshot;
import org.backpropstudio.ui.charts.FitChart;
import org.backpropstudio.ui.charts.LossChart;
import org.backpropstudio.ui.diagram.NetworkDiagram;
import org.backpropstudio.ui.editor.EditorView;
import org.backpropstudio.ui.inspector.InspectorModel;
import org.backpropstudio.ui.inspector.InspectorView;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The studio window's content: menu and toolbar on top, the editor on the left, the fit chart
 * as the centre of attention with the loss chart and the network diagram under it, and the
 * status bar. It binds to the {@link StudioViewModel} and draws each snapshot it is given.
 */
public final class StudioView extends BorderPane {

    static final double BASE_FONT_SIZE = 13;
    static final double MAX_FONT_SIZE = 40;
    /** Lecture mode starts at this multiple of the text size; Ctrl+= / Ctrl+- adjust it from there. */
    static final double LECTURE_SCALE = 1.6;

    private final StudioViewModel vm;
    private final Stage stage;
    private final FitChart fitChart = new FitChart();
    private final LossChart lossChart = new LossChart();
    /** A classifier's accuracy per epoch, beside the losses. */
    private final LossChart accuracyChart = new LossChart(true);
    /** The view of what is learned (the fit, the plane, the digits), in the centre's top slot. */
    private TaskViews tasks;
    /** The kind of view in the top slot, and where each kind had the divider under it. */
    private TaskViews.Kind shownKind = TaskViews.Kind.CURVE;
    /** Layout passes after lecture mode is switched in which the dividers are set again. */
    private static final int LECTURE_LAYOUT_PASSES = 10;
    /** What sets the dividers after those passes, while it does (null after). */
    private Runnable lectureDividers;
    private final java.util.Map<TaskViews.Kind, Double> dividers = new java.util.EnumMap<>(TaskViews.Kind.class);
    private final NetworkDiagram diagram = new NetworkDiagram();
    private final org.backpropstudio.ui.charts.HealthChart healthChart = new org.backpropstudio.ui.charts.HealthChart();
    /** The loss, accuracy and gradient health tabs. */
    private LossTabs losses;
    /** Which canvas draws in which frame. */
    private DrawSchedule schedule;
    private double fontSize = BASE_FONT_SIZE;
    private final FileActions files;
    private final InspectorModel inspector =
            new InspectorModel();
    /** The backprop inspector's pane, at the right: hidden at first, built soon after the window shows. */
    private final Deferred<InspectorView> inspectorView;
    private final ToggleButton contributions = Localized.bind(new ToggleButton(), "fit.contributions");
    /** Where the shortcuts card goes over the whole window once it is built (empty, it takes no clicks). */
    private final javafx.scene.layout.StackPane helpHolder = new javafx.scene.layout.StackPane();
    {
        helpHolder.setPickOnBounds(false); // a region takes the clicks on its bounds, even empty
    }
    private final Deferred<HelpOverlay> help = new Deferred<>(() -> {
        HelpOverlay card = new HelpOverlay(StudioView.class.getResource("studio.css").toExternalForm());
        helpHolder.getChildren().setAll(card);
        return card;
    });
    private final StudioToolbar toolbar;
    /** The fit above, the losses and the diagram below. */
    private final SplitPane centreSplit = new SplitPane();
    /** The loss charts beside the diagram; in lecture mode stacked beside the fit. */
    private final SplitPane bottomSplit = new SplitPane();
    /**
     * The preset and speed boxes: in the toolbar after a separator, and in lecture mode one above
     * the other at the top of the left column, where the editor leaves room and the large
     * read-outs leave none in the toolbar (at 1280 pixels they were cut to "classic-…").
     */
    private final HBox toolbarSetupSlot = new HBox(10);
    private final VBox lectureSetupSlot = new VBox(6);
    private final VBox leftColumn = new VBox();
    /** The task, above the editor. */
    private final TaskChooser taskChooser = new TaskChooser(this::chooseTask);
    /** The dark theme is on; the toolbar's toggle and View → Light / dark theme both set it. */
    private final javafx.beans.property.BooleanProperty dark = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.BooleanProperty lecture = new javafx.beans.property.SimpleBooleanProperty();
    /** Leaving full screen (Esc) ends lecture mode too. */
    private final javafx.beans.value.ChangeListener<Boolean> fullScreenLeft = (o, was, now) -> {
        if (!now && lecture.get()) {
            setLecture(false);
        }
    };
    /** The text size before lecture mode, given back when it ends. */
    private double fontSizeBeforeLecture = BASE_FONT_SIZE;
    private final EditorView editor;
    /** Icons whose size follows the text size, with their size in em. */
    private final java.util.Map<FontIcon, Double> scaledIcons = new java.util.LinkedHashMap<>();

    private final Executor io;
    private final Settings settings;
    /** True when the mouse press now being handled took the focus from a text field. */
    private boolean clickLeftAField;

    /**
     * @param io     where file reads and writes run, off the UI thread
     * @param recent the list of recently opened and saved files
     */
    public StudioView(StudioViewModel vm, Stage stage, Executor io, RecentFiles recent) {
        this.vm = vm;
        this.stage = stage;
        this.io = io;
        this.settings = Settings.beside(recent);
        this.files = new FileActions(vm, stage, io, recent);
        getStyleClass().add("studio");
        getStylesheets().add(StudioView.class.getResource("studio.css").toExternalForm());
        toolbar = new StudioToolbar(this, toolbarSetupSlot, lectureSetupSlot, scaledIcons);
        VBox top = new VBox(StudioMenus.bar(this), toolbar);
        setTop(top);
        leavesAFieldWhenClicked(top);
        editor = new EditorView(vm.editor());
        editor.lectureProperty().bind(lecture);
        editor.advancedOpenProperty().addListener((o, was, open) -> {
            if (!restoringAdvanced) {
                remember(() -> settings.saveAdvancedOpen(open));
            }
        });

        taskChooser.show(TaskKind.of(vm.editor().applied()));
        // in lecture mode the preset box (above the editor) changes the task: on a 720-pixel
        // projector the chooser's row pushed the learning rate out of sight
        taskChooser.visibleProperty().bind(lecture.not());
        taskChooser.managedProperty().bind(taskChooser.visibleProperty());
        leftColumn.getChildren().setAll(taskChooser, editor);
        leftColumn.getStyleClass().add("left-column");
        VBox.setVgrow(editor, Priority.ALWAYS);
        setLeft(leftColumn);
        setCenter(centre());
        schedule = new DrawSchedule(
                s -> {
                    if (TaskViews.kindOf(s) == TaskViews.Kind.CURVE) {
                        fitChart.show(s);
                    } else {
                        tasks.show(s);
                    }
                },
                s -> {
                    lossChart.show(s.losses(), s.markers());
                    if (vm.classifierProperty().get()) {
                        accuracyChart.show(s.accuracies(), s.markers());
                    }
                },
                s -> {
                    tasks.showSlowly(s); // the unit maps first: the diagram draws them in its discs
                    diagram.show(s);
                    losses.showHealth(s.health());
                },
                // a diagram of many connections costs the software renderer tens of milliseconds: its
                // interval grows with them (100 ms below 300 connections, 200 ms at the 400 drawn at most)
                () -> DrawSchedule.SLOW_INTERVAL_NS * Math.max(1, diagram.drawnEdges() / 300 + 1),
                now -> {
                    if (fitChart.animating(now)) {
                        fitChart.animate(); // slow motion: the curve glides to the newest prediction
                    }
                });
        Node status = new StatusBar(vm, lecture);
        setBottom(status);
        leavesAFieldWhenClicked(status);
        inspectorView = new Deferred<>(() -> {
            InspectorView pane = new InspectorView(inspector, vm::inspect, vm::refreshInspection, this::toggleInspector);
            pane.setVisible(false);
            pane.managedProperty().bind(pane.visibleProperty());
            setRight(pane);
            return pane;
        });
        inspector.currentStage().addListener((o, a, shownStage) -> diagram.setHighlight(shownStage));
        fitChart.setOnPick(vm::inspect);
        fitChart.setPointEditor((edit, x, y) -> {
            if (clickLeftAField) {
                // a click made to leave a text field should not change the data as well
                vm.showMessage(Localized.t("points.fieldLeft"));
            } else if (edit == FitChart.Edit.REMOVE) {
                vm.removePoint(x, y);
            } else {
                vm.addPoint(x, y, edit == FitChart.Edit.ADD_TEST);
            }
        });
        diagram.setOnUnitClicked(vm::toggleMute);
        // Chinese text in a CJK family of its own (studio.css, .cjk): from the default font's
        // fallback, bold headings came out regular
        Runnable cjk = () -> {
            getStyleClass().remove("cjk");
            if ("zh".equals(Localized.localeProperty().get().getLanguage())) {
                getStyleClass().add("cjk");
            }
        };
        cjk.run();
        Localized.onSwitch(this, cjk);
        applyFontSize();
        lecture.addListener((o, was, now) -> applyLecture(now));
        dark.addListener((o, was, now) -> applyTheme(now));
        stage.fullScreenProperty().addListener(fullScreenLeft);
    }

    /**
     * Lets go of the stage: a stage outlives the studio shown in it (a test's primary stage shows
     * one studio after another), and a listener left on it would keep this whole view, its charts
     * and their images reachable. FX thread.
     */
    void detach() {
        stage.fullScreenProperty().removeListener(fullScreenLeft);
    }

    /** Lecture mode: on or off. */
    public javafx.beans.property.ReadOnlyBooleanProperty lectureProperty() {
        return lecture;
    }

    /**
     * Lecture mode for a projector: full screen, text {@value #LECTURE_SCALE}× larger (Ctrl+= and
     * Ctrl+- adjust it), high contrast, curves twice as thick, a large loss read-out, and the
     * advanced editor controls folded away. Off gives back the text size from before.
     */
    public void setLecture(boolean on) {
        lecture.set(on);
    }

    /** Follows {@link #lecture}: the toggle button, F5, the menu and Esc all set that. */
    private void applyLecture(boolean on) {
        if (on) {
            fontSizeBeforeLecture = fontSize;
            fontSize = Math.min(MAX_FONT_SIZE, BASE_FONT_SIZE * LECTURE_SCALE);
            getStyleClass().add("lecture");
        } else {
            fontSize = fontSizeBeforeLecture;
            getStyleClass().remove("lecture");
        }
        for (org.backpropstudio.ui.charts.Plot p : new org.backpropstudio.ui.charts.Plot[] {fitChart, lossChart,
                accuracyChart, healthChart}) {
            p.setLecture(on, on ? 2 : 1);
        }
        applyFontSize();
        if (on) {
            java.util.List<Node> boxes = java.util.List.copyOf(toolbarSetupSlot.getChildren().subList(1, 3));
            toolbarSetupSlot.getChildren().removeAll(boxes);
            lectureSetupSlot.getChildren().setAll(boxes);
            leftColumn.getChildren().add(1, lectureSetupSlot);
        } else if (lectureSetupSlot.getParent() != null) {
            java.util.List<Node> boxes = java.util.List.copyOf(lectureSetupSlot.getChildren());
            lectureSetupSlot.getChildren().clear();
            leftColumn.getChildren().remove(lectureSetupSlot);
            toolbarSetupSlot.getChildren().addAll(boxes);
        }
        toolbarSetupSlot.setVisible(!on);
        toolbarSetupSlot.setManaged(!on);
        // the fit gets most of the screen in a lecture: full height, with the losses and the
        // diagram stacked beside it (below it, at 1280 × 720 and the large text, the fit's plot
        // was 130 pixels tall and the loss plot 45); the notice goes to the status bar's corner
        // (JavaFX's own full-screen hint lay over the chart for its first seconds)
        centreSplit.setOrientation(on ? Orientation.HORIZONTAL : Orientation.VERTICAL);
        bottomSplit.setOrientation(on ? Orientation.VERTICAL : Orientation.HORIZONTAL);
        // the dividers are set again after each of the next layout passes: set once, before the
        // full-screen resize and the larger text were laid out, a passing least width of the
        // centre pushed its divider to 0.74 in about half the starts at 1280 × 720, where it stayed
        // and cut the loss chart's tabs to "Accu"
        double[] positions = on ? new double[] {0.66, 0.5} : new double[] {0.56, 0.55};
        int[] passes = {LECTURE_LAYOUT_PASSES};
        if (lectureDividers != null && getScene() != null) {
            getScene().removePostLayoutPulseListener(lectureDividers); // switched again within the passes
        }
        lectureDividers = new Runnable() {
            @Override
            public void run() {
                centreSplit.setDividerPositions(positions[0]);
                bottomSplit.setDividerPositions(positions[1]);
                if (--passes[0] <= 0 && getScene() != null) {
                    getScene().removePostLayoutPulseListener(this);
                    lectureDividers = null;
                }
            }
        };
        if (getScene() != null) {
            getScene().addPostLayoutPulseListener(lectureDividers);
        }
        stage.setFullScreenExitHint("");
        if (stage.isFullScreen() != on) {
            stage.setFullScreen(on);
        }
        vm.showMessage(Localized.t(on ? "lecture.on" : "lecture.off"));
    }

    /** The text size in pixels (for tests). */
    public double fontSize() {
        return fontSize;
    }

    /** True when the backprop inspector pane is showing. */
    public boolean inspectorOpen() {
        return inspectorView.built() && inspectorView.get().isVisible();
    }

    /** Opens the backprop inspector (on the sample it showed last, or the first training sample), or closes it. */
    public void toggleInspector() {
        if (inspectorOpen()) {
            // hidden, not removed: its CSS is worked out once, not at every opening
            inspectorView.get().setVisible(false);
            fitChart.setPicking(false);
            vm.stopInspecting();
            inspector.show(null);
            diagram.setHighlight(null);
            return;
        }
        inspectorView.get().setVisible(true);
        fitChart.setPicking(true);
        Snapshot s = vm.snapshotProperty().get();
        TaskKind task = TaskKind.of(vm.editor().applied());
        inspectorView.get().setPickByX(task == TaskKind.CURVE, task == TaskKind.CURVE ? "inspector.hint"
                : task == TaskKind.PLANE ? "inspector.hintPlane" : "inspector.hintDigits");
        if (task != TaskKind.CURVE) {
            // a classifier's sample by its number: the digit chosen in the grid, or the first point
            int chosen = task == TaskKind.DIGITS ? Math.max(0, tasks.digits().grid().selected()) : 0;
            vm.inspectSample(chosen, task == TaskKind.DIGITS);
            return;
        }
        double x = 0;
        if (inspector.inspectionProperty().get() != null) {
            x = inspector.inspectionProperty().get().x();
        } else if (s != null && s.train().size() > 0) {
            x = s.train().xColumn()[0];
        } else if (s != null && s.test().size() > 0) {
            x = s.test().xColumn()[0];
        }
        vm.inspect(x);
    }

    /** The inspector's state (for tests). */
    /** For tests: the inspector pane. */
    public InspectorView inspectorView() {
        return inspectorView.get();
    }

    public InspectorModel inspector() {
        return inspector;
    }

    /**
     * Takes in a snapshot (the view model has taken it in already) and draws what is due. The
     * canvases are drawn by {@link #drawDue}, which spreads them over frames.
     */
    public void render(Snapshot s) {
        taskChooser.show(TaskKind.of(s.config()));
        Node view = tasks.viewFor(s);
        if (centreSplit.getItems().get(0) != view) {
            // each view keeps its own divider: the plane and the digits want more height than the fit
            TaskViews.Kind kind = TaskViews.kindOf(s);
            dividers.put(shownKind, centreSplit.getDividerPositions()[0]);
            centreSplit.getItems().set(0, view);
            // a plane classifier's units show their maps in the diagram's discs too
            diagram.setUnitPictures(kind == TaskViews.Kind.PLANE ? tasks.plane().units() : null);
            centreSplit.setDividerPositions(dividers.getOrDefault(kind, kind == TaskViews.Kind.CURVE ? 0.56 : 0.64));
            shownKind = kind;
        }
        if (inspectorOpen()) {
            inspector.show(s.inspection());
            inspectorView.get().setTraining(s.state() == org.backpropstudio.training.TrainingState.TRAINING);
        }
        schedule.offer(s);
        schedule.drawDue(System.nanoTime());
    }

    /** Draws what is due this frame (see {@link DrawSchedule}). Called every frame. */
    public void drawDue(long now) {
        schedule.drawDue(now);
    }

    /**
     * A press on the toolbar's or the status bar's background leaves the text field being typed
     * in (committing it), so Space, S and R work again: a click beside the toolbar's buttons left
     * the learning-rate field focused, and the R typed next went into it. Presses on buttons and
     * boxes take the focus themselves.
     */
    private void leavesAFieldWhenClicked(Node area) {
        area.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (getScene() != null && getScene().getFocusOwner() instanceof TextInputControl
                    && !(e.getTarget() instanceof Node n && insideAControl(n))) {
                requestFocus();
            }
        });
    }

    private static boolean insideAControl(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.Control && !(p instanceof javafx.scene.control.Label)) {
                return true;
            }
        }
        return false;
    }

    /** Keyboard: Space play/pause, S or → step, R reset (when not typing), and the menu keys ({@link StudioKeys}). */
    public void installKeys(Scene scene) {
        StudioKeys.install(scene, this);
    }



    /** Switches every text in the window to {@code locale} (a language without a bundle shows English). */
    public void setLanguage(java.util.Locale locale) {
        Localized.setLocale(locale);
    }

    /**
     * As chosen in View → Language: switches to {@code language} (null: the system's) and
     * remembers it in the settings, written off the UI thread.
     */
    public void chooseLanguage(java.util.Locale language) {
        setLanguage(language == null ? java.util.Locale.getDefault() : language);
        remember(() -> settings.saveLanguage(language));
    }

    /** A setting saved for the next start. */
    private interface Save {
        void run() throws java.io.IOException;
    }

    /**
     * Saves a setting off the UI thread. A failure is ignored: remembering is a convenience, as
     * the recent files are, and the choice took effect all the same.
     */
    private void remember(Save save) {
        io.execute(() -> {
            try {
                save.run();
            } catch (java.io.IOException e) {
                // not remembered; nothing else is affected
            }
        });
    }



    /**
     * Loads a preset, paused: the engine's at once, the digits' read from their files off the UI
     * thread ({@code failed} runs when they cannot be read, after the status bar says why).
     */
    void loadPreset(String name, Runnable failed) {
        if (Presets.names().contains(name)) {
            vm.loadPreset(name);
            return;
        }
        vm.showMessage(Localized.t("preset.reading", name));
        io.execute(() -> {
            try {
                org.backpropstudio.engine.TrainingConfig config = org.backpropstudio.io.PresetCatalog.get(name).config();
                javafx.application.Platform.runLater(() -> vm.loadPreset(name, config));
            } catch (RuntimeException e) {
                javafx.application.Platform.runLater(() -> {
                    vm.showMessage(Localized.t("preset.unreadable", name, e.getMessage()));
                    failed.run();
                });
            }
        });
    }

    /** Switches to a task: its last setup, or the first preset of a task not tried yet. */
    public void chooseTask(TaskKind kind) {
        if (!vm.switchTask(kind)) {
            loadPreset(kind.firstPreset(), () -> taskChooser.show(TaskKind.of(vm.editor().applied())));
        }
    }





    private Node centre() {
        Label banner = new Label();
        banner.setId("banner");
        banner.getStyleClass().add("problem-banner");
        banner.setGraphic(new FontIcon("mdi2a-alert-circle"));
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.textProperty().bind(vm.problemProperty());
        banner.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());

        fitChart.setId("fit-chart");
        lossChart.setId("loss-chart");
        diagram.setId("diagram");
        Node fit = new org.backpropstudio.ui.curve.CurvePanel(vm, lecture, fitChart, contributions);
        losses = new LossTabs(vm, lecture, lossChart, accuracyChart, healthChart);
        Label hover = new Label();
        hover.setId("diagram-caption");
        hover.getStyleClass().add("caption");
        // wraps in a narrow window; in lecture mode one line, so the diagram keeps its height
        hover.wrapTextProperty().bind(lecture.not());
        hover.setMinHeight(Region.USE_PREF_SIZE);
        hover.textProperty().bind(javafx.beans.binding.Bindings.when(diagram.hoverTextProperty().isEmpty())
                .then(Localized.text("diagram.legend"))
                .otherwise(diagram.hoverTextProperty()));
        VBox diagramPanel = new VBox(4, Panels.title(lecture, "diagram.title"), diagram, hover);
        diagramPanel.getStyleClass().add("panel");
        VBox.setVgrow(diagram, Priority.ALWAYS);
        SplitPane bottom = bottomSplit;
        bottom.getItems().setAll(losses, diagramPanel);
        bottom.setDividerPositions(0.55);
        SplitPane split = centreSplit;
        tasks = new TaskViews(vm, lecture, fit, this::inspectorOpen);
        split.getItems().setAll(fit, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.56);
        // the pinned runs' chips above every task's view: the ghosts are on the loss chart for all of them
        VBox centre = new VBox(banner, new FinishedBanner(vm), new PinnedChips(vm, fitChart, lossChart), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        // clicking the charts leaves any text field (committing it), so Space, S and R work again;
        // such a click adds or removes no point
        centre.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            clickLeftAField = getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
            requestFocus();
        });
        return centre;
    }







    void zoom(double factor) {
        double normal = lecture.get() ? BASE_FONT_SIZE * LECTURE_SCALE : BASE_FONT_SIZE;
        fontSize = factor == 0 ? normal : Math.max(9, Math.min(MAX_FONT_SIZE, fontSize * factor));
        applyFontSize();
    }

    private void applyFontSize() {
        setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", fontSize));
        // inline, since the theme's .ikonli-font-icon {-fx-icon-size: 18px} overrides setIconSize;
        // the icon font is named too, or the inherited -fx-font-size resets it to the text font
        scaledIcons.forEach((icon, em) -> icon.setStyle(String.format(java.util.Locale.ROOT,
                "-fx-font-family: \"Material Design Icons\"; -fx-font-size: %1$dpx; -fx-icon-size: %1$dpx;",
                Math.round(em * fontSize))));
        // the editor is as wide as its text needs: 30 em (390 px at the normal size); in lecture
        // mode it holds fewer controls, and the charts get the room
        editor.setPrefWidth((lecture.get() ? 22 : 30) * fontSize);
        editor.setMinWidth((lecture.get() ? 18 : 23) * fontSize);
        fitChart.setTextScale(fontSize / BASE_FONT_SIZE);
        lossChart.setTextScale(fontSize / BASE_FONT_SIZE);
        accuracyChart.setTextScale(fontSize / BASE_FONT_SIZE);
        healthChart.setTextScale(fontSize / BASE_FONT_SIZE);
        diagram.setTextScale(fontSize / BASE_FONT_SIZE);
        if (tasks != null) {
            tasks.setTextScale(fontSize / BASE_FONT_SIZE);
        }
    }

    void toggleTheme() {
        dark.set(!dark.get());
        rememberTheme();
    }

    private boolean restoringAdvanced;

    /** The editor's Advanced section unfolded or not, as at start-up from the settings (not remembered again). */
    public void setAdvancedOpen(boolean open) {
        restoringAdvanced = true;
        editor.advancedOpenProperty().set(open);
        restoringAdvanced = false;
    }

    /** The dark theme on or off, as at start-up from the settings (not remembered again). */
    public void setDark(boolean on) {
        dark.set(on);
    }

    /** The dark theme is on (for tests). */
    public boolean dark() {
        return dark.get();
    }

    /** Remembers the theme chosen for the next start, off the UI thread. */
    void rememberTheme() {
        boolean on = dark.get();
        remember(() -> settings.saveDark(on));
    }

    private void applyTheme(boolean on) {
        Application.setUserAgentStylesheet(on ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        diagram.setTextColor(on ? Color.web("#e6edf3") : Color.web("#24292f"));
        fitChart.setDark(on);
        lossChart.setDark(on);
        accuracyChart.setDark(on);
        healthChart.setDark(on);
        tasks.setDark(on);
        getStyleClass().remove("dark");
        if (on) {
            getStyleClass().add("dark");
        }
    }

    /** The keyboard-shortcut card, to lay over the whole window. */
    public Node helpOverlay() {
        return helpHolder;
    }

    /** Open, save, export and import. */
    public FileActions files() {
        return files;
    }

    StudioViewModel vm() {
        return vm;
    }

    Stage stage() {
        return stage;
    }

    javafx.beans.property.BooleanProperty darkProperty() {
        return dark;
    }

    javafx.beans.property.BooleanProperty lectureToggleProperty() {
        return lecture;
    }

    Executor io() {
        return io;
    }

    EditorView editor() {
        return editor;
    }

    /** The shortcuts card, built when first asked for. */
    HelpOverlay help() {
        return help.get();
    }

    /**
     * Builds what is hidden at first (the shortcuts card, the inspector, the editor's folded
     * Advanced section, the gradient check's window), so that none is built and styled while the studio trains, nor holds the window
     * back. Run soon after the window is shown.
     */
    void buildHidden() {
        hiddenParts().forEach(Runnable::run);
    }

    /** What {@link #buildHidden} builds, part by part (the app builds them in turns: {@link Deferred#soonAfterShown}). */
    List<Runnable> hiddenParts() {
        return List.of(help::get, inspectorView::get, editor::buildHidden, toolbar::buildHidden);
    }

    /** True once what is hidden at first is built (by {@link #buildHidden}, or when first shown). */
    boolean hiddenBuilt() {
        return help.built() && inspectorView.built() && editor.hiddenBuilt() && toolbar.hiddenBuilt();
    }

    ToggleButton contributions() {
        return contributions;
    }

    /** The view of what is learned now: the fit's panel, the plane's or the digits'. */
    Node taskView() {
        return centreSplit.getItems().get(0);
    }

    /** For tests: the views of what is learned (the plane's, the digits'). */
    TaskViews tasks() {
        return tasks;
    }

    /** For tests: the accuracy chart. */
    LossChart accuracyChart() {
        return accuracyChart;
    }

    /** For tests: the charts and the diagram. */
    public FitChart fitChart() {
        return fitChart;
    }

    public LossChart lossChart() {
        return lossChart;
    }

    public NetworkDiagram diagram() {
        return diagram;
    }
}

package org.backpropstudio.ui;

import java.util.concurrent.Executor;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
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
    private final java.util.Map<TaskViews.Kind, Double> dividers = new java.util.EnumMap<>(TaskViews.Kind.class);
    private final NetworkDiagram diagram = new NetworkDiagram();
    private final org.backpropstudio.ui.charts.HealthChart healthChart = new org.backpropstudio.ui.charts.HealthChart();
    private final javafx.scene.layout.FlowPane healthShares = new javafx.scene.layout.FlowPane(18, 4);
    private double fontSize = BASE_FONT_SIZE;
    private final FileActions files;
    private final InspectorModel inspector =
            new InspectorModel();
    private final InspectorView inspectorView;
    private final ToggleButton contributions = Localized.bind(new ToggleButton(), "fit.contributions");
    private final HelpOverlay help = new HelpOverlay(StudioView.class.getResource("studio.css").toExternalForm());
    /** The gradient check's report window, made when the first report arrives. */
    private GradientCheckWindow gradientWindow;
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
        VBox top = new VBox(menuBar(), toolbar());
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
        leftColumn.getChildren().setAll(taskChooser, editor);
        leftColumn.getStyleClass().add("left-column");
        VBox.setVgrow(editor, Priority.ALWAYS);
        setLeft(leftColumn);
        setCenter(centre());
        Node status = statusBar();
        setBottom(status);
        leavesAFieldWhenClicked(status);
        inspectorView = new InspectorView(inspector, vm::inspect, vm::refreshInspection, this::toggleInspector);
        inspectorView.setVisible(false);
        inspectorView.managedProperty().bind(inspectorView.visibleProperty());
        setRight(inspectorView);
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
        javafx.application.Platform.runLater(() -> { // after the resize
            centreSplit.setDividerPositions(on ? 0.66 : 0.56);
            bottomSplit.setDividerPositions(on ? 0.5 : 0.55);
        });
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
        return inspectorView.isVisible();
    }

    /** Opens the backprop inspector (on the sample it showed last, or the first training sample), or closes it. */
    public void toggleInspector() {
        if (inspectorOpen()) {
            // hidden, not removed: its CSS is worked out once, not at every opening
            inspectorView.setVisible(false);
            fitChart.setPicking(false);
            vm.stopInspecting();
            inspector.show(null);
            diagram.setHighlight(null);
            return;
        }
        inspectorView.setVisible(true);
        fitChart.setPicking(true);
        Snapshot s = vm.snapshotProperty().get();
        TaskKind task = TaskKind.of(vm.editor().applied());
        inspectorView.setPickByX(task == TaskKind.CURVE, task == TaskKind.CURVE ? "inspector.hint"
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
        return inspectorView;
    }

    public InspectorModel inspector() {
        return inspector;
    }

    /** The loss chart and the diagram change little between frames: redrawn at most this often. */
    static final long LOSS_CHART_INTERVAL_NS = 50_000_000L;
    static final long DIAGRAM_INTERVAL_NS = 100_000_000L;
    private long fitDrawn;
    private long lossChartDrawn;
    private long diagramDrawn;
    /** The newest snapshot each canvas has not drawn yet (null: none). */
    private Snapshot fitDue;
    private Snapshot lossChartDue;
    private Snapshot diagramDue;

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
            centreSplit.setDividerPositions(dividers.getOrDefault(kind, kind == TaskViews.Kind.CURVE ? 0.56 : 0.64));
            shownKind = kind;
        }
        if (inspectorOpen()) {
            inspector.show(s.inspection());
            inspectorView.setTraining(s.state() == org.backpropstudio.training.TrainingState.TRAINING);
        }
        fitDue = s;
        lossChartDue = s;
        diagramDue = s;
        drawDue(System.nanoTime());
    }

    /**
     * Draws at most one canvas per frame: of those with a snapshot still to draw (the loss chart
     * at most 20 times a second, the diagram 10), the one drawn longest ago. The software renderer
     * then never has all three to rasterize in one frame, which kept the UI thread waiting for it
     * over 100 ms under bursts of edits; the fit still follows training at 20 frames a second or
     * more. Called every frame.
     */
    public void drawDue(long now) {
        // a diagram of many connections costs the software renderer tens of milliseconds: its
        // interval grows with them (100 ms below 300 connections, 200 ms at the 400 drawn at most)
        long diagramInterval = DIAGRAM_INTERVAL_NS * Math.max(1, diagram.drawnEdges() / 300 + 1);
        boolean fit = fitDue != null;
        boolean loss = lossChartDue != null && now - lossChartDrawn >= LOSS_CHART_INTERVAL_NS;
        boolean net = diagramDue != null && now - diagramDrawn >= diagramInterval;
        if (net && (!fit || diagramDrawn <= fitDrawn) && (!loss || diagramDrawn <= lossChartDrawn)) {
            diagram.show(diagramDue);
            tasks.showSlowly(diagramDue);
            if (healthChart.isVisible()) {
                healthChart.show(diagramDue.health());
                showShares(diagramDue.health());
            }
            diagramDue = null;
            diagramDrawn = now;
        } else if (loss && (!fit || lossChartDrawn <= fitDrawn)) {
            lossChart.show(lossChartDue.losses(), lossChartDue.markers());
            if (vm.classifierProperty().get()) {
                accuracyChart.show(lossChartDue.accuracies(), lossChartDue.markers());
            }
            lossChartDue = null;
            lossChartDrawn = now;
        } else if (fit) {
            if (TaskViews.kindOf(fitDue) == TaskViews.Kind.CURVE) {
                fitChart.show(fitDue);
            } else {
                tasks.show(fitDue);
            }
            fitDue = null;
            fitDrawn = now;
        } else if (fitChart.animating(now)) {
            fitChart.animate(); // slow motion: the curve glides to the newest prediction
        }
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

    /** Keyboard: Space play/pause, S or → step, R reset (when not typing), and the menu keys. */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            if (e.getCode() == KeyCode.F5) {
                setLecture(!lecture.get());
                e.consume();
                return;
            }
            if (e.getCode() == KeyCode.F1 || help.isVisible() && e.getCode() == KeyCode.ESCAPE) {
                help.toggle();
                e.consume();
                return;
            }
            if (typing && e.getCode() == KeyCode.ESCAPE) {
                // Escape drops what was typed: the field shows the value that runs again, then is left
                if (scene.getFocusOwner().getProperties().get(org.backpropstudio.ui.editor.EditorView.REVERT)
                        instanceof Runnable revert) {
                    revert.run();
                }
                requestFocus();
                e.consume();
                return;
            }
            if (typing || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            if (e.getCode() == KeyCode.SPACE) {
                vm.togglePlay();
                e.consume();
            } else if (e.getCode() == KeyCode.S || e.getCode() == KeyCode.RIGHT) {
                vm.step();
                e.consume();
            } else if (e.getCode() == KeyCode.R) {
                vm.reset();
                e.consume();
            } else if (e.getCode() == KeyCode.G) {
                vm.checkGradients();
                e.consume();
            } else if ("?".equals(e.getText())) {
                help.toggle();
                e.consume();
            } else if (e.getCode() == KeyCode.I) {
                toggleInspector();
                e.consume();
            } else if (e.getCode() == KeyCode.P) {
                vm.pin();
                e.consume();
            } else if (e.getCode() == KeyCode.C) {
                contributions.setSelected(!contributions.isSelected());
                e.consume();
            } else if (e.getCode().isDigitKey() && TaskKind.of(vm.editor().applied()) == TaskKind.PLANE) {
                // 0 … 4: the class a click in the plane adds
                int c = e.getText().isEmpty() ? -1 : Character.digit(e.getText().charAt(0), 10);
                if (c >= 0) {
                    tasks.plane().chooseClass(c);
                }
                e.consume();
            } else if (inspectorOpen() && e.getCode() == KeyCode.PAGE_DOWN) {
                inspector.next();
                e.consume();
            } else if (inspectorOpen() && e.getCode() == KeyCode.PAGE_UP) {
                inspector.previous();
                e.consume();
            }
        });
    }

    private MenuBar menuBar() {
        Menu file = files.fileMenu(this, fitChart, lossChart, diagram);
        // after Import data: File → Open dataset, a full MNIST in its own files
        int at = Math.max(0, file.getItems().indexOf(file.getItems().stream()
                .filter(i -> "mdi2f-file-table".equals(i.getGraphic() instanceof FontIcon f ? f.getIconLiteral() : null))
                .findFirst().orElse(null)) + 1);
        file.getItems().add(at, item("file.openDataset", "mdi2d-database", null,
                () -> new OpenDataset(vm, stage, io).choose()));
        // Space, S and R belong to the scene's key filter, which ignores them while you type;
        // as menu accelerators they would fire inside text fields, so the items only name them
        Menu training = Localized.bind(new Menu(), "menu.training");
        training.getItems().addAll(
                item("menu.training.play", "mdi2p-play-pause", null, vm::togglePlay),
                item("menu.training.step", "mdi2s-skip-next", null, vm::step),
                item("menu.training.reset", "mdi2r-restart", null, vm::reset),
                item("menu.training.gradcheck", "mdi2c-check-decagram", null, vm::checkGradients),
                item("menu.training.pin", "mdi2p-pin", null, vm::pin),
                item("menu.training.inspector", "mdi2m-magnify-scan", null, this::toggleInspector),
                item("menu.training.nextStage", "mdi2c-chevron-right", null, inspector::next),
                item("menu.training.previousStage", "mdi2c-chevron-left", null, inspector::previous));
        Menu view = Localized.bind(new Menu(), "menu.view");
        view.getItems().addAll(
                item("menu.view.bigger", "mdi2m-magnify-plus", new KeyCodeCombination(KeyCode.EQUALS,
                        KeyCombination.SHORTCUT_DOWN), () -> zoom(1.1)),
                item("menu.view.smaller", "mdi2m-magnify-minus", new KeyCodeCombination(KeyCode.MINUS,
                        KeyCombination.SHORTCUT_DOWN), () -> zoom(1 / 1.1)),
                item("menu.view.normal", null, new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                        () -> zoom(0)),
                item("menu.view.fullScreen", "mdi2f-fullscreen", new KeyCodeCombination(KeyCode.F11),
                        () -> stage.setFullScreen(!stage.isFullScreen())),
                item("menu.view.lecture", "mdi2p-projector-screen", null, () -> setLecture(!lecture.get())),
                item("menu.view.theme", "mdi2t-theme-light-dark", null, this::toggleTheme),
                item("menu.view.advanced", "mdi2t-tune", new KeyCodeCombination(KeyCode.A,
                        KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        () -> editor.advancedOpenProperty().set(!editor.advancedOpenProperty().get())),
                item("menu.view.contributions", "mdi2v-vector-curve", null,
                        () -> contributions.setSelected(!contributions.isSelected())));
        Menu helpMenu = Localized.bind(new Menu(), "menu.help");
        helpMenu.getItems().addAll(
                item("menu.help.shortcuts", "mdi2k-keyboard", null, help::toggle));
        view.getItems().add(languageMenu());
        return new MenuBar(file, training, view, helpMenu);
    }

    /**
     * View → Language: the system's language (the default), English or 简体中文. Each language is
     * named in its own words, so it can be found whichever is showing; the window switches at once
     * and the choice is remembered for the next start. The item of the language showing is ticked.
     */
    private Menu languageMenu() {
        Menu menu = Localized.bind(new Menu(), "menu.view.language");
        menu.setId("language-menu");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        java.util.Locale system = java.util.Locale.getDefault();
        javafx.scene.control.RadioMenuItem systemItem = new javafx.scene.control.RadioMenuItem();
        systemItem.textProperty().bind(Localized.text(() -> Localized.t("menu.view.language.system",
                system.getDisplayName(Localized.localeProperty().get())), Localized.localeProperty()));
        systemItem.setUserData(system);
        menu.getItems().add(systemItem);
        for (java.util.Locale l : org.backpropstudio.i18n.Messages.LANGUAGES) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(
                    l.getLanguage().equals("zh") ? "简体中文" : l.getDisplayName(l));
            item.setUserData(l);
            item.setId("language-" + l.toLanguageTag());
            menu.getItems().add(item);
        }
        java.util.Locale showing = Localized.localeProperty().get();
        for (MenuItem i : menu.getItems()) {
            javafx.scene.control.RadioMenuItem r = (javafx.scene.control.RadioMenuItem) i;
            r.setToggleGroup(group);
            r.setOnAction(e -> chooseLanguage(r == systemItem ? null : (java.util.Locale) r.getUserData()));
            r.setSelected(r == systemItem ? showing.equals(system) : !showing.equals(system) && showing.equals(r.getUserData()));
        }
        if (group.getSelectedToggle() == null) {
            systemItem.setSelected(true);
        }
        return menu;
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

    /** A menu item named by the bundle's {@code key}, following the language. */
    static MenuItem item(String textKey, String icon, KeyCombination accelerator, Runnable action) {
        MenuItem i = Localized.bind(new MenuItem(null, icon == null ? null : new FontIcon(icon)), textKey);
        if (accelerator != null) {
            i.setAccelerator(accelerator);
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private Node toolbar() {
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
                loadPreset(name, () -> preset.setValue(vm.presetProperty().get().isEmpty() ? null
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
            fitChart.setTransitionSeconds(transitionSeconds(speed.getValue().epochsPerSecond()));
        });
        speed.setValue(StudioViewModel.DEFAULT_SPEED);
        vm.setSpeed(StudioViewModel.DEFAULT_SPEED); // the service starts at max speed: tell it the studio's pace
        fitChart.setTransitionSeconds(transitionSeconds(StudioViewModel.DEFAULT_SPEED.epochsPerSecond()));

        ToggleButton theme = new ToggleButton(null, new FontIcon("mdi2t-theme-light-dark"));
        theme.setId("theme");
        theme.setTooltip(Localized.tooltip("toolbar.theme"));
        theme.selectedProperty().bindBidirectional(dark); // the click toggles it
        theme.setOnAction(e -> rememberTheme());

        Button check = iconButton("check-gradients", "mdi2c-check-decagram",
                "toolbar.gradcheck",
                vm::checkGradients);
        // made and styled now, hidden, so that the first check does not style it while training
        gradientWindow = new GradientCheckWindow(stage, StudioView.class.getResource("studio.css").toExternalForm());
        vm.gradientChecksProperty().addListener(o -> gradientWindow.show(vm.gradientsProperty().get()));

        Button pin = iconButton("pin", "mdi2p-pin",
                "toolbar.pin", vm::pin);

        Button inspect = iconButton("inspect", "mdi2m-magnify-scan",
                "toolbar.inspector",
                this::toggleInspector);

        Button export = iconButton("export", "mdi2e-export", "toolbar.export",
                () -> files.exportWeights());

        FontIcon lectureIcon = new FontIcon("mdi2p-projector-screen");
        scaledIcons.put(lectureIcon, 1.4);
        ToggleButton lectureToggle = new ToggleButton(null, lectureIcon);
        lectureToggle.setId("lecture");
        lectureToggle.getStyleClass().addAll("button-circle", "tool-button");
        lectureToggle.setTooltip(Localized.tooltip("toolbar.lecture"));
        lectureToggle.selectedProperty().bindBidirectional(lecture);

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
        lossReadout.visibleProperty().bind(lecture);
        lossReadout.managedProperty().bind(lossReadout.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(10, pin, inspect, check, export, theme);
        tools.setId("tools");
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.managedProperty().bind(tools.visibleProperty());
        HBox bar = new HBox(10) {
            /**
             * When the bar is too narrow for everything (lecture mode's large text on a 1280-pixel
             * projector), the tool buttons fold away first: each is in the menus too, and the
             * controls a lecture needs (Play, the read-outs, preset, speed) keep their full size.
             */
            @Override
            protected void layoutChildren() {
                double needed = snappedLeftInset() + snappedRightInset() + getSpacing() * (getChildren().size() - 1);
                for (Node n : getChildren()) {
                    // what is not laid out takes no room (the lecture read-outs outside lecture
                    // mode); the tools count whether shown or not, or they would flicker
                    needed += n == spacer || !n.isManaged() && n != tools ? 0 : n.prefWidth(-1);
                }
                tools.setVisible(getWidth() >= needed);
                super.layoutChildren();
            }
        };
        toolbarSetupSlot.getChildren().setAll(new Separator(Orientation.VERTICAL), labelled("toolbar.preset", preset),
                labelled("toolbar.speed", speed));
        toolbarSetupSlot.setAlignment(Pos.CENTER_LEFT);
        lectureSetupSlot.getStyleClass().add("lecture-setup");
        bar.getChildren().addAll(play, step, reset, new Separator(Orientation.VERTICAL), epochBox, lossReadout,
                toolbarSetupSlot, spacer, tools, lectureToggle);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    /**
     * Loads a preset, paused: the engine's at once, the digits' read from their files off the UI
     * thread ({@code failed} runs when they cannot be read, after the status bar says why).
     */
    private void loadPreset(String name, Runnable failed) {
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

    /**
     * How long the fit curve glides from one epoch's prediction to the next: most of the time
     * between epochs at 10 epochs/s or slower (0.6 s at 1 epoch/s), none when faster.
     */
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
        Node fit = panel("fit.title", fitChart);
        Tooltip.install(fitChart, Localized.tooltip("fit.tip"));
        contributions.setId("contributions");
        contributions.setGraphic(new FontIcon("mdi2v-vector-curve"));
        contributions.setTooltip(Localized.tooltip("fit.contributions.tip"));
        contributions.getStyleClass().add("small");
        contributions.selectedProperty().addListener((o, a, on) -> fitChart.setShowContributions(on));
        Label fitTitle = (Label) ((VBox) fit).getChildren().get(0);
        Region fitGap = new Region();
        HBox.setHgrow(fitGap, Priority.ALWAYS);
        Button clear = Localized.bind(new Button(null, new FontIcon("mdi2e-eraser")), "fit.clearPoints");
        clear.setId("clear-points");
        clear.getStyleClass().add("small");
        clear.setTooltip(Localized.tooltip("fit.clearPoints.tip"));
        clear.setOnAction(e -> vm.clearPoints());
        // in lecture mode, or when the panel is narrow, the two buttons show their icons only (their
        // tooltips name them), so the title keeps its room and nothing is cut to "unit contribu…"
        javafx.beans.binding.BooleanBinding iconsOnly = lecture.or(((Region) fit).widthProperty().lessThan(720));
        for (javafx.scene.control.ButtonBase b : new javafx.scene.control.ButtonBase[] {clear, contributions}) {
            b.contentDisplayProperty().bind(javafx.beans.binding.Bindings.when(iconsOnly)
                    .then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY).otherwise(javafx.scene.control.ContentDisplay.LEFT));
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(fitTitle, Priority.ALWAYS);
        HBox fitHead = new HBox(8, fitTitle, fitGap, clear, contributions);
        fitHead.setAlignment(Pos.CENTER_LEFT);
        ((VBox) fit).getChildren().add(0, fitHead);

        Node lossesOnly = panel("loss.title", lossChart);
        accuracyChart.setId("accuracy-chart");
        Node accuracyPanel = panel("accuracy.title", accuracyChart);
        accuracyPanel.visibleProperty().bind(vm.classifierProperty());
        accuracyPanel.managedProperty().bind(accuracyPanel.visibleProperty());
        HBox.setHgrow(lossesOnly, Priority.ALWAYS);
        HBox.setHgrow(accuracyPanel, Priority.ALWAYS);
        ((Region) lossesOnly).setPrefWidth(10);
        ((Region) accuracyPanel).setPrefWidth(10);
        // the accuracy beside the loss; in lecture mode's narrow column, on a tab of its own
        HBox lossPanel = new HBox(8, lossesOnly);
        healthChart.setId("health-chart");
        healthShares.setId("health-shares");
        Node healthPanel = panel("health.title", healthChart);
        ((VBox) healthPanel).getChildren().add(healthShares);
        Tooltip.install(healthChart, Localized.tooltip("health.tip"));
        // in lecture mode the loss chart needs every pixel of height: its tab and axis name it already
        Node lossTitle = ((VBox) lossesOnly).getChildren().get(0);
        lossTitle.visibleProperty().bind(lecture.not());
        lossTitle.managedProperty().bind(lossTitle.visibleProperty());
        Node accuracyTitle = ((VBox) accuracyPanel).getChildren().get(0);
        accuracyTitle.visibleProperty().bind(lecture.not());
        accuracyTitle.managedProperty().bind(accuracyTitle.visibleProperty());
        javafx.scene.control.Tab lossTab = new javafx.scene.control.Tab(null, lossPanel);
        lossTab.textProperty().bind(Localized.text("loss.tab"));
        javafx.scene.control.Tab healthTab = new javafx.scene.control.Tab(null, healthPanel);
        // in lecture mode's narrow side column "Gradient health" was cut to "Gradient hea…"
        healthTab.textProperty().bind(Localized.text(() -> Localized.t(lecture.get() ? "health.tab.short" : "health.tab"),
                lecture));
        healthTab.setId("health-tab");
        javafx.scene.control.TabPane losses = new javafx.scene.control.TabPane(lossTab, healthTab);
        javafx.scene.control.Tab accuracyTab = new javafx.scene.control.Tab();
        accuracyTab.setId("accuracy-tab");
        accuracyTab.textProperty().bind(Localized.text("accuracy.tab"));
        Runnable arrange = () -> {
            boolean own = lecture.get() && vm.classifierProperty().get();
            if (own) {
                lossPanel.getChildren().remove(accuracyPanel);
                accuracyTab.setContent(accuracyPanel);
                if (!losses.getTabs().contains(accuracyTab)) {
                    losses.getTabs().add(1, accuracyTab);
                }
            } else {
                losses.getTabs().remove(accuracyTab);
                accuracyTab.setContent(null);
                if (!lossPanel.getChildren().contains(accuracyPanel)) {
                    lossPanel.getChildren().add(accuracyPanel);
                }
            }
        };
        arrange.run();
        lecture.addListener((o, was, now) -> arrange.run());
        vm.classifierProperty().addListener((o, was, now) -> arrange.run());
        losses.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        healthChart.visibleProperty().bind(healthTab.selectedProperty());
        healthTab.selectedProperty().addListener((o, was, now) -> {
            org.backpropstudio.training.Snapshot s = vm.snapshotProperty().get();
            if (now && s != null) {
                healthChart.show(s.health());
                showShares(s.health());
            }
        });
        Label hover = new Label();
        hover.setId("diagram-caption");
        hover.getStyleClass().add("caption");
        // wraps in a narrow window; in lecture mode one line, so the diagram keeps its height
        hover.wrapTextProperty().bind(lecture.not());
        hover.setMinHeight(Region.USE_PREF_SIZE);
        hover.textProperty().bind(javafx.beans.binding.Bindings.when(diagram.hoverTextProperty().isEmpty())
                .then(Localized.text("diagram.legend"))
                .otherwise(diagram.hoverTextProperty()));
        VBox diagramPanel = new VBox(4, title("diagram.title"), diagram, hover);
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
        VBox centre = new VBox(banner, new FinishedBanner(vm), pinnedChips(), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        // clicking the charts leaves any text field (committing it), so Space, S and R work again;
        // such a click adds or removes no point
        centre.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            clickLeftAField = getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
            requestFocus();
        });
        return centre;
    }

    /** The pinned runs, one chip each in its ghost colour with a × to remove it; the charts follow the list. */
    private Node pinnedChips() {
        javafx.scene.layout.FlowPane chips = new javafx.scene.layout.FlowPane(8, 4);
        chips.setId("pinned-runs");
        chips.managedProperty().bind(chips.visibleProperty());
        Runnable rebuild = () -> {
            java.util.List<org.backpropstudio.training.PinnedRun> runs = java.util.List.copyOf(vm.pinnedRuns());
            chips.getChildren().clear();
            for (int k = 0; k < runs.size(); k++) {
                org.backpropstudio.training.PinnedRun run = runs.get(k);
                javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(14, 4,
                        Color.web(org.backpropstudio.ui.charts.Plot.ghostColorWeb(k)));
                Label name = new Label(run.label(), swatch);
                name.getStyleClass().add("caption");
                Button remove = new Button(null, new FontIcon("mdi2c-close"));
                remove.setId("unpin-" + (k + 1));
                remove.getStyleClass().addAll("flat", "small-button");
                remove.setTooltip(Localized.tooltip("pin.remove", run.label()));
                remove.setOnAction(e -> vm.unpin(run));
                HBox chip = new HBox(2, name, remove);
                chip.setAlignment(Pos.CENTER_LEFT);
                chip.getStyleClass().add("pin-chip");
                chips.getChildren().add(chip);
            }
            chips.setVisible(!runs.isEmpty());
            fitChart.setPinned(runs);
            lossChart.setPinned(runs);
        };
        vm.pinnedRuns().addListener((javafx.collections.ListChangeListener<org.backpropstudio.training.PinnedRun>)
                c -> rebuild.run());
        rebuild.run();
        return chips;
    }

    /** The lines of {@link #showShares}, kept and refilled: new labels at every draw were each styled anew. */
    private final java.util.List<Label> shareLines = new java.util.ArrayList<>();

    /**
     * One line per hidden layer that can die or saturate, with what it means and what to try.
     * Called at each draw of the health chart (up to 10 times a second), so the labels are kept:
     * made once, each with its tooltip, and only their numbers change after.
     */
    private void showShares(org.backpropstudio.training.GradientHealth h) {
        int used = 0;
        for (int k = 0; k < h.layers().size(); k++) {
            boolean dead = !Double.isNaN(h.dead()[k]);
            if (!dead && Double.isNaN(h.saturated()[k])) {
                continue;
            }
            String key = dead ? "health.dead" : "health.saturated";
            if (used == shareLines.size()) {
                Label line = new Label();
                line.getStyleClass().add("caption");
                line.managedProperty().bind(line.visibleProperty());
                shareLines.add(line);
                healthShares.getChildren().add(line);
            }
            Label line = shareLines.get(used++);
            Localized.bind(line, key, h.layers().get(k),
                    org.backpropstudio.i18n.Messages.integer(Math.round(100 * (dead ? h.dead()[k] : h.saturated()[k]))));
            if (!key.equals(line.getUserData())) { // the line's kind, which its tooltip explains
                line.setUserData(key);
                line.setTooltip(Localized.tooltip(key + ".tip"));
            }
            line.setVisible(true);
        }
        for (int k = used; k < shareLines.size(); k++) {
            shareLines.get(k).setVisible(false);
        }
    }

    private Node panel(String captionKey, Node chart) {
        VBox box = new VBox(2, title(captionKey), chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        box.getStyleClass().add("panel");
        return box;
    }

    /** A panel's title; in lecture mode its short form ({@code key.short}), which fits at the large text size. */
    private Label title(String key) {
        Label l = new Label();
        l.textProperty().bind(Localized.text(() -> Localized.t(lecture.get() ? key + ".short" : key), lecture));
        l.getStyleClass().add("panel-title");
        l.setId(key.replace('.', '-')); // fit-title, loss-title, ...
        // a narrow window wraps a title onto a second line instead of cutting it
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private Node statusBar() {
        Label state = new Label();
        state.setId("state");
        state.getStyleClass().add("state-label");
        state.textProperty().bind(Localized.text(() -> Localized.t("state." + vm.stateProperty().get().name()
                .toLowerCase(java.util.Locale.ROOT)), vm.stateProperty()));
        java.util.function.Consumer<org.backpropstudio.training.TrainingState> show = b -> {
            state.getStyleClass().removeAll("state-paused", "state-training", "state-finished", "state-diverged");
            state.getStyleClass().add("state-" + b.name().toLowerCase(java.util.Locale.ROOT));
        };
        vm.stateProperty().addListener((o, a, b) -> show.accept(b));
        show.accept(vm.stateProperty().get());
        Label epoch = boundLabel("status.epoch", vm.epochTextProperty());
        Label train = boundLabel("status.trainLoss", vm.trainLossTextProperty());
        train.setId("train-loss");
        Label test = boundLabel("status.testLoss", vm.testLossTextProperty());
        test.setId("test-loss");
        Label trainAccuracy = boundLabel("status.trainAccuracy", vm.trainAccuracyTextProperty());
        trainAccuracy.setId("train-accuracy");
        Label testAccuracy = boundLabel("status.testAccuracy", vm.testAccuracyTextProperty());
        testAccuracy.setId("test-accuracy");
        // in lecture mode the toolbar reads these out large: the status bar keeps its room for messages
        for (Label l : new Label[] {epoch, train, test}) {
            l.visibleProperty().bind(lecture.not());
            l.managedProperty().bind(l.visibleProperty());
        }
        for (Label l : new Label[] {trainAccuracy, testAccuracy}) {
            l.visibleProperty().bind(lecture.not().and(vm.classifierProperty()));
            l.managedProperty().bind(l.visibleProperty());
        }
        Label rate = new Label();
        rate.textProperty().bind(vm.rateTextProperty());
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("caption");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(18, state, epoch, train, test, trainAccuracy, testAccuracy, rate, spacer, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static Label boundLabel(String key, javafx.beans.value.ObservableValue<String> value) {
        Label l = new Label();
        l.textProperty().bind(Localized.text(() -> Localized.t(key) + " " + value.getValue(), value));
        return l;
    }

    private void zoom(double factor) {
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
    }

    private void toggleTheme() {
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
    private void rememberTheme() {
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
        return help;
    }

    /** Open, save, export and import. */
    public FileActions files() {
        return files;
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

package org.backpropstudio.ui;

import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.backpropstudio.io.ExperimentJson;
import org.backpropstudio.io.ImportException;
import org.backpropstudio.io.NpzFile;
import org.backpropstudio.io.TrainingInfo;
import org.backpropstudio.io.WeightsFile;
import org.backpropstudio.io.WeightsJson;
import org.backpropstudio.training.Snapshot;

/**
 * Everything the studio reads and writes: experiments, weights, CSV and PNG exports, data
 * imports, the recent files and the question before unsaved changes are lost. Files are read
 * and written on the file thread; the UI thread only asks and reports.
 */
public final class FileActions {

    private final StudioViewModel vm;
    private final Stage stage;
    private final Executor io;
    private final RecentFiles recent;
    /** The experiment last opened or saved: where Ctrl+S writes. */
    private File experimentFile;
    /** What to do once a save asked for by the unsaved-changes question has finished. */
    private Runnable afterSave;

    FileActions(StudioViewModel vm, Stage stage, Executor io, RecentFiles recent) {
        this.vm = vm;
        this.stage = stage;
        this.io = io;
        this.recent = recent;
    }

    /** The File menu; the PNG exports picture the given nodes. */
    Menu fileMenu(Node window, java.util.function.Supplier<Node> fit, Node loss, Node network) {
        MenuItem open = StudioMenus.item("file.open", "mdi2f-folder-open", new KeyCodeCombination(KeyCode.O,
                KeyCombination.SHORTCUT_DOWN), this::open);
        MenuItem save = StudioMenus.item("file.save", "mdi2c-content-save", new KeyCodeCombination(KeyCode.S,
                KeyCombination.SHORTCUT_DOWN), this::saveExperiment);
        MenuItem saveAs = StudioMenus.item("file.saveAs", null, new KeyCodeCombination(KeyCode.S,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> saveExperimentAs());
        MenuItem export = StudioMenus.item("file.exportWeights", "mdi2e-export", new KeyCodeCombination(KeyCode.E,
                KeyCombination.SHORTCUT_DOWN), this::exportWeights);
        MenuItem quit = StudioMenus.item("file.quit", null, new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                this::quit);
        Menu exports = Localized.bind(new Menu(), "file.export");
        exports.getItems().addAll(
                StudioMenus.item("file.export.history", null, null, () -> exportCsv("history.csv", FileActions::historyCsv)),
                StudioMenus.item("file.export.predictions", null, null, () -> exportCsv("predictions.csv", FileActions::predictionsCsv)),
                StudioMenus.item("file.export.train", null, null, () -> exportCsv("train.csv", s -> dataCsv(s, s.train()))),
                StudioMenus.item("file.export.test", null, null, () -> exportCsv("test.csv", s -> dataCsv(s, s.test()))),
                new SeparatorMenuItem(),
                StudioMenus.item("file.export.window", null, null, () -> exportPng("backprop-studio.png", window)),
                StudioMenus.item("file.export.fit", null, null, () -> exportPng("fit.png", fit.get())),
                StudioMenus.item("file.export.loss", null, null, () -> exportPng("loss.png", loss)),
                StudioMenus.item("file.export.network", null, null, () -> exportPng("network.png", network)));
        MenuItem importData = StudioMenus.item("file.import", "mdi2f-file-table", null, this::importData);
        Menu recentMenu = Localized.bind(new Menu(), "file.recent");
        recentMenu.getItems().add(Localized.bind(new MenuItem(), "file.recent.none"));
        // the list is read on the file thread when the File menu opens, then shown
        Menu file = Localized.bind(new Menu(), "file.menu");
        file.getItems().addAll(open, recentMenu, save, saveAs, export, exports, importData,
                new SeparatorMenuItem(), quit);
        file.setOnShowing(e -> io.execute(() -> {
            java.util.List<java.nio.file.Path> files = recent.list();
            Platform.runLater(() -> {
                recentMenu.getItems().clear();
                for (java.nio.file.Path p : files) {
                    recentMenu.getItems().add(StudioMenus.item(p.getFileName().toString() + "  —  " + p.getParent(), null, null,
                            () -> openRecent(p.toFile())));
                }
                if (files.isEmpty()) {
                    recentMenu.getItems().add(Localized.bind(new MenuItem(), "file.recent.none"));
                }
            });
        }));
        return file;
    }

    /** Asks before closing the window with unsaved changes. */
    public void installCloseGuard() {
        stage.setOnCloseRequest(e -> {
            if (!confirmUnsaved(stage::close)) {
                e.consume();
            }
        });
    }

    /**
     * File → Quit (Ctrl+Q): the same question as the window's close button. {@code stage.close()}
     * alone closes without a close request, so it once dropped unsaved work without asking.
     */
    private void quit() {
        if (confirmUnsaved(stage::close)) {
            stage.close();
        }
    }

    /**
     * With unsaved changes, asks: save (then {@code proceed}), discard, or cancel.
     *
     * @return true when the caller may go on at once
     */
    private boolean confirmUnsaved(Runnable proceed) {
        if (!vm.unsavedProperty().get()) {
            return true;
        }
        javafx.scene.control.ButtonType save = new javafx.scene.control.ButtonType(Localized.t("unsaved.save"),
                javafx.scene.control.ButtonBar.ButtonData.YES);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType(Localized.t("unsaved.discard"),
                javafx.scene.control.ButtonBar.ButtonData.NO);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                Localized.t("unsaved.text"), save, discard, cancelButton());
        ask.initOwner(stage);
        ask.setTitle(Localized.t("unsaved.title")); // JavaFX's own title is English whatever the language
        ask.setHeaderText(Localized.t("unsaved.header"));
        var answer = ask.showAndWait().orElse(null);
        if (answer == discard) {
            vm.markSaved();
            return true;
        }
        if (answer == save) {
            afterSave = () -> {
                vm.markSaved();
                proceed.run();
            };
            saveExperiment();
        }
        return false;
    }

    /** Ctrl+S: the experiment to the file last opened or saved; the first time, asks where. */
    private void saveExperiment() {
        if (experimentFile != null) {
            saveExperiment(experimentFile);
        } else {
            saveExperimentAs();
        }
    }

    private void saveExperimentAs() {
        File file = chooser(Localized.t("file.saveTitle"), (vm.presetProperty().get().isEmpty() ? "experiment" : vm.presetProperty().get()) + ".bps.json",
                filter("file.filter.experiments", "*.bps.json")).showSaveDialog(stage);
        if (file != null) {
            saveExperiment(file);
        } else {
            afterSave = null; // the save was cancelled, so is what waited for it
        }
    }

    /** Writes the whole setup and the current weights, off the UI thread. */
    public void saveExperiment(File file) {
        Snapshot s = vm.snapshotProperty().get();
        if (s == null) {
            return;
        }
        var losses = s.losses();
        ExperimentJson.Experiment experiment = new ExperimentJson.Experiment(s.config(),
                new WeightsFile(s.network(), s.config().loss().kind(), s.weights(), s.biases(), null),
                new ExperimentJson.History(losses.epoch(), losses.trainMin(), losses.trainMax(), losses.testMin(),
                        losses.testMax()), List.copyOf(vm.pinnedRuns()),
                new ExperimentJson.Progress(s.epoch(), s.trainLoss(), s.testLoss(),
                        s.markers().stream().map(m -> new ExperimentJson.Mark(m.epoch(), m.label())).toList()));
        io.execute(() -> {
            try {
                ExperimentJson.write(file.toPath(), experiment);
                Platform.runLater(() -> {
                    experimentFile = file;
                    vm.markSaved();
                    remember(file);
                    vm.showMessage(Localized.t("file.savedExperiment", org.backpropstudio.i18n.Messages.integer(s.epoch()), file.getName()));
                    if (afterSave != null) {
                        Runnable next = afterSave;
                        afterSave = null;
                        next.run();
                    }
                });
            } catch (IOException | IllegalArgumentException e) {
                Platform.runLater(() -> showProblem(Localized.t("file.couldNotSave", file.getName()), e.getMessage()));
            }
        });
    }

    private void open() {
        if (!confirmUnsaved(this::open)) {
            return;
        }
        File file = chooser(Localized.t("file.openTitle"), null,
                filter("file.filter.both", "*.bps.json", "*.weights.json", "*.json"),
                filter("file.filter.experiments", "*.bps.json"),
                filter("file.filter.weights", "*.weights.json")).showOpenDialog(stage);
        if (file == null) {
            return;
        }
        if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".bps.json")) {
            openExperiment(file);
        } else {
            openWeights(file);
        }
    }

    private void openRecent(File file) {
        if (!confirmUnsaved(() -> openRecent(file))) {
            return;
        }
        if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".bps.json")) {
            openExperiment(file);
        } else {
            openWeights(file);
        }
    }

    /** Remembers a file in the recent list (on the file thread; a failure only loses the entry). */
    private void remember(File file) {
        io.execute(() -> {
            try {
                recent.add(file.toPath());
            } catch (IOException e) {
                // the recent list is a convenience
            }
        });
    }

    /**
     * Reads and validates an experiment off the UI thread; then the studio restarts with its
     * setup and the weights saved with it. A bad file gets a dialog, and nothing changes.
     */
    public void openExperiment(File file) {
        io.execute(() -> {
            try {
                ExperimentJson.Experiment e = ExperimentJson.read(file.toPath());
                Platform.runLater(() -> {
                    experimentFile = file;
                    vm.loadExperiment(e, file.getName());
                    vm.markSaved();
                    remember(file);
                });
            } catch (ImportException e) {
                Platform.runLater(() -> showProblem(Localized.t("file.couldNotOpen", file.getName()), e.getMessage()));
            }
        });
    }

    /**
     * Reads and validates a weights file off the UI thread; then the studio shows its network
     * and prediction at once. A bad file gets a dialog naming the problem, and nothing changes.
     */
    public void openWeights(File file) {
        io.execute(() -> {
            try {
                WeightsFile weights = WeightsJson.read(file.toPath());
                Platform.runLater(() -> {
                    vm.loadNetwork(weights.network(), weights.weights(), weights.biases(), file.getName());
                    remember(file);
                });
            } catch (ImportException e) {
                Platform.runLater(() -> showProblem(Localized.t("file.couldNotOpen", file.getName()), e.getMessage()));
            }
        });
    }

    /** OK in the language showing: JavaFX's own OK and Cancel keep the system's language, fixed at start. */
    private static javafx.scene.control.ButtonType okButton() {
        return new javafx.scene.control.ButtonType(Localized.t("dialog.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
    }

    /** Cancel in the language showing. */
    private static javafx.scene.control.ButtonType cancelButton() {
        return new javafx.scene.control.ButtonType(Localized.t("dialog.cancel"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private void showProblem(String title, String detail) {
        vm.showMessage(title + ": " + detail);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(detail);
        alert.getButtonTypes().setAll(okButton());
        alert.getDialogPane().setId("problem-dialog");
        alert.show();
    }

    void exportWeights() {
        Snapshot s = vm.snapshotProperty().get();
        if (s == null) {
            return;
        }
        File file = chooser(Localized.t("file.exportTitle"), "network.weights.json",
                filter("file.filter.weights", "*.weights.json", "*.json"), filter("file.filter.npz", "*.npz"))
                .showSaveDialog(stage);
        if (file != null) {
            exportWeights(s, file);
        }
    }

    /** Writes a snapshot's weights off the UI thread and reports the outcome in the status bar. */
    public void exportWeights(Snapshot s, File file) {
        TrainingInfo info = new TrainingInfo(s.epoch(), s.trainLoss(), s.testLoss(), s.config().seed(),
                WeightsJson.describe(s.config().optimizer()), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                StudioApp.appVersion(), System.getProperty("java.version"));
        WeightsFile weights = new WeightsFile(s.network(), s.config().loss().kind(), s.weights(), s.biases(), info);
        io.execute(() -> {
            try {
                boolean npz = file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".npz");
                if (npz) {
                    NpzFile.write(file.toPath(), weights);
                } else {
                    WeightsJson.write(file.toPath(), weights);
                }
                Platform.runLater(() -> {
                    vm.showMessage(Localized.t("file.savedWeights", org.backpropstudio.i18n.Messages.integer(s.epoch()), file.getName()));
                });
            } catch (IOException | IllegalArgumentException e) {
                Platform.runLater(() -> showProblem(Localized.t("file.couldNotSave", file.getName()), e.getMessage()));
            }
        });
    }

    private void importData() {
        File file = chooser(Localized.t("file.importTitle"), null, new FileChooser.ExtensionFilter("CSV", "*.csv"))
                .showOpenDialog(stage);
        if (file == null) {
            return;
        }
        importData(file);
    }

    /**
     * Reads a data CSV off the UI thread and, once it has proved to be one, asks how to use its
     * samples (a bad file gets its problem at once, not after the question).
     */
    public void importData(File file) {
        io.execute(() -> {
            try {
                org.backpropstudio.engine.Dataset data = org.backpropstudio.io.CsvFiles.readData(file.toPath());
                Platform.runLater(() -> {
                    javafx.scene.control.ChoiceDialog<StudioViewModel.DataUse> ask = new javafx.scene.control.ChoiceDialog<>(
                            StudioViewModel.DataUse.SPLIT, StudioViewModel.DataUse.values());
                    ask.initOwner(stage);
                    ask.getDialogPane().getButtonTypes().setAll(okButton(), cancelButton());
                    ask.setTitle(Localized.t("file.importDialog"));
                    ask.setHeaderText(Localized.t("file.importHow", file.getName(),
                            org.backpropstudio.i18n.Messages.integer(data.size())));
                    ask.showAndWait().ifPresent(use -> vm.importData(data, use, file.getName()));
                });
            } catch (ImportException e) {
                Platform.runLater(() -> showProblem(Localized.t("file.couldNotImport", file.getName()), e.getMessage()));
            }
        });
    }

    /** Reads a data CSV off the UI thread; then training restarts on it. Bad rows get a dialog. */
    public void importData(File file, StudioViewModel.DataUse use) {
        io.execute(() -> {
            try {
                org.backpropstudio.engine.Dataset data = org.backpropstudio.io.CsvFiles.readData(file.toPath());
                Platform.runLater(() -> vm.importData(data, use, file.getName()));
            } catch (ImportException e) {
                Platform.runLater(() -> showProblem(Localized.t("file.couldNotImport", file.getName()), e.getMessage()));
            }
        });
    }

    private File askSave(String title, String name, String description, String pattern) {
        return chooser(title, name, new FileChooser.ExtensionFilter(description, pattern)).showSaveDialog(stage);
    }

    /** A file chooser titled {@code title}, suggesting the file {@code name} (null: none), offering {@code filters}. */
    private static FileChooser chooser(String title, String name, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (name != null) {
            chooser.setInitialFileName(name);
        }
        chooser.getExtensionFilters().addAll(filters);
        return chooser;
    }

    /** A file-type filter named by the bundle's {@code key}. */
    private static FileChooser.ExtensionFilter filter(String key, String... patterns) {
        return new FileChooser.ExtensionFilter(Localized.t(key), patterns);
    }

    private void exportCsv(String name, java.util.function.Function<Snapshot, String> text) {
        Snapshot s = vm.snapshotProperty().get();
        File file = s == null ? null : askSave(Localized.t("file.exportNamed", name), name, "CSV", "*.csv");
        if (file != null) {
            // the text is made off the UI thread too: the digits' 7 200 rows of 784 pixels are megabytes
            io.execute(() -> writeText(file, text.apply(s)));
        }
    }

    /** Writes a text file off the UI thread and says how it went. */
    public void writeText(File file, String text) {
        io.execute(() -> {
            try {
                org.backpropstudio.io.AtomicFiles.writeString(file.toPath(), text);
                Platform.runLater(() -> vm.showMessage(Localized.t("file.wrote", file.getName())));
            } catch (IOException e) {
                Platform.runLater(() -> showProblem(Localized.t("file.couldNotWrite", file.getName()), e.getMessage()));
            }
        });
    }

    /** {@code epoch,train_loss,test_loss}: each kept bucket's first epoch and its largest losses. */
    static String historyCsv(Snapshot s) {
        var h = s.losses();
        var a = s.accuracies();
        // a classifier's accuracies, bucketed as its losses are (the same epochs)
        boolean accuracies = a.size() == h.size() && a.size() > 0;
        StringBuilder b = new StringBuilder(accuracies ? org.backpropstudio.io.CsvFiles.CLASSIFIER_HISTORY_HEADER
                : org.backpropstudio.io.CsvFiles.HISTORY_HEADER).append('\n');
        for (int i = 0; i < h.size(); i++) {
            b.append(accuracies
                    ? org.backpropstudio.io.CsvFiles.historyRow(h.epoch()[i], h.trainMax()[i], h.testMax()[i], a.trainMin()[i],
                            a.testMin()[i])
                    : org.backpropstudio.io.CsvFiles.historyRow(h.epoch()[i], h.trainMax()[i], h.testMax()[i])).append('\n');
        }
        return b.toString();
    }

    /**
     * A curve's {@code x,prediction} on the chart's grid; a classifier's class probabilities: the
     * plane's {@code x1,x2,p0,…} at the centre of each cell of its map, the digits'
     * {@code test_index,label,predicted,p0,…} for the test images in the grid.
     */
    static String predictionsCsv(Snapshot s) {
        StringBuilder b = new StringBuilder();
        if (s.classes() instanceof org.backpropstudio.training.ClassReport.Plane p) {
            b.append("x1,x2");
            probabilityHeader(b, p.classes());
            int r = p.resolution();
            for (int j = 0; j < r; j++) {
                for (int i = 0; i < r; i++) {
                    b.append(p.coordinate(i)).append(',').append(-p.coordinate(j));
                    for (int c = 0; c < p.classes(); c++) {
                        b.append(',').append(p.probabilities()[(j * r + i) * p.classes() + c]);
                    }
                    b.append('\n');
                }
            }
            return b.toString();
        }
        if (s.classes() instanceof org.backpropstudio.training.ClassReport.Images m) {
            b.append("test_index,label,predicted");
            probabilityHeader(b, m.classes());
            for (int i = 0; i < m.shown(); i++) {
                b.append(i).append(',').append(s.test().label(i)).append(',').append(m.predicted(i));
                for (int c = 0; c < m.classes(); c++) {
                    b.append(',').append(m.probabilities()[i * m.classes() + c]);
                }
                b.append('\n');
            }
            return b.toString();
        }
        b.append("x,prediction\n");
        for (int i = 0; i < s.gridX().length; i++) {
            b.append(s.gridX()[i]).append(',').append(s.prediction()[i]).append('\n');
        }
        return b.toString();
    }

    private static void probabilityHeader(StringBuilder b, int classes) {
        for (int c = 0; c < classes; c++) {
            b.append(",p").append(c);
        }
        b.append('\n');
    }

    /** A curve's samples as {@code x,y}; a classifier's as {@code x1,…,xn,label}, the inputs it trains on. */
    static String dataCsv(Snapshot s, org.backpropstudio.engine.Dataset d) {
        if (s.config().data().task() instanceof org.backpropstudio.engine.Task.Classification) {
            return org.backpropstudio.io.CsvFiles.labelledText(d);
        }
        StringBuilder b = new StringBuilder("x,y\n");
        double[] xs = d.xColumn();
        double[] ys = d.yColumn();
        for (int i = 0; i < xs.length; i++) {
            b.append(xs[i]).append(',').append(ys[i]).append('\n');
        }
        return b.toString();
    }

    private void exportPng(String name, javafx.scene.Node node) {
        File file = askSave(Localized.t("file.exportNamed", name), name, Localized.t("file.filter.png"), "*.png");
        if (file != null) {
            writePng(node, file);
        }
    }

    /** Takes the picture on the UI thread (it must) and encodes and writes it on the file thread. */
    public void writePng(javafx.scene.Node node, File file) {
        javafx.scene.image.WritableImage image = node.snapshot(null, null);
        java.awt.image.BufferedImage pixels = javafx.embed.swing.SwingFXUtils.fromFXImage(image, null);
        io.execute(() -> {
            try {
                org.backpropstudio.io.AtomicFiles.write(file.toPath(), out -> {
                    if (!javax.imageio.ImageIO.write(pixels, "png", out)) {
                        throw new IOException("no PNG encoder");
                    }
                });
                Platform.runLater(() -> vm.showMessage(Localized.t("file.wrote", file.getName())));
            } catch (IOException e) {
                Platform.runLater(() -> showProblem(Localized.t("file.couldNotWrite", file.getName()), e.getMessage()));
            }
        });
    }

}

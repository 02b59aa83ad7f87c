package org.backpropstudio.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.backpropstudio.io.IdxDataset;
import org.backpropstudio.io.ImportException;

/**
 * File → Open dataset: a full MNIST or Fashion-MNIST in its own four IDX files, read off the UI
 * thread with its progress in the status bar, then trained on as the digits are.
 */
final class OpenDataset {

    private final StudioViewModel vm;
    private final Window owner;
    private final Executor io;

    OpenDataset(StudioViewModel vm, Window owner, Executor io) {
        this.vm = vm;
        this.owner = owner;
        this.io = io;
    }

    /** Asks for one of the four files, then reads them all. */
    void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Localized.t("dataset.choose"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Localized.t("dataset.filter"), "*-ubyte", "*-ubyte.gz"),
                new FileChooser.ExtensionFilter(Localized.t("dataset.all"), "*"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            open(file.toPath());
        }
    }

    /** Reads the dataset {@code oneOfItsFiles} belongs to, and trains on it when read. */
    void open(Path oneOfItsFiles) {
        String name = oneOfItsFiles.toAbsolutePath().getParent().getFileName() + "";
        vm.showMessage(Localized.t("dataset.reading", name, 0));
        io.execute(() -> {
            try {
                IdxDataset.Sets sets = IdxDataset.read(oneOfItsFiles, share -> Platform.runLater(() ->
                        vm.showMessage(Localized.t("dataset.reading", name, Math.round(100 * share)))));
                String source = sets.source();
                Platform.runLater(() -> vm.useDataset(sets.train(), sets.test(), name, source));
            } catch (ImportException e) {
                Platform.runLater(() -> vm.showMessage(Localized.t("dataset.failed", e.getMessage())));
            } catch (OutOfMemoryError e) {
                Platform.runLater(() -> vm.showMessage(Localized.t("dataset.tooLarge", name)));
            }
        });
    }
}

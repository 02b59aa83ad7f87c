package org.backpropstudio.ui;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests share. */
final class WindowTests {

    private WindowTests() {
    }

    /**
     * A recent-files list in a new temporary directory, so tests never touch the user's; the
     * directory, the list and the settings the studio keeps beside it are deleted when the test
     * JVM exits (the files first: deleteOnExit runs in reverse order).
     */
    static java.nio.file.Path temporaryRecentList() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("recent");
            java.nio.file.Path list = dir.resolve("recent-files.txt");
            dir.toFile().deleteOnExit();
            list.toFile().deleteOnExit();
            list.resolveSibling("settings.properties").toFile().deleteOnExit(); // Settings.beside
            return list;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Opens and shows the classic-sigmoid studio in the light theme, keeping its recent files in {@code recentList}. */
    static StudioApp.Studio openStudio(javafx.stage.Stage stage, java.nio.file.Path recentList) {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        StudioApp.Studio studio = StudioApp.open(stage, "classic-sigmoid", new RecentFiles(recentList));
        stage.show();
        return studio;
    }

    /** Waits up to 15 s for a condition; fails naming what it waited for. */
    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    /** True when the node and every ancestor are visible, in a scene. */
    static boolean shownOnScreen(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}

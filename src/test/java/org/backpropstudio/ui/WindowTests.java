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
     * A recent-files list in a new temporary directory, so tests never touch the user's. The
     * directory goes when the test JVM exits, with whatever the studio wrote into it (the list,
     * the settings it keeps beside it).
     */
    static java.nio.file.Path temporaryRecentList() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("recent");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir.resolve("recent-files.txt");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(java.nio.file.Path dir) {
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary directory left behind is not worth failing a build for
        }
    }

    /** Opens and shows the classic-sigmoid studio in the light theme, keeping its recent files in {@code recentList}. */
    static StudioApp.Studio openStudio(javafx.stage.Stage stage, java.nio.file.Path recentList) {
        return openStudio(stage, recentList, "classic-sigmoid");
    }

    /** As {@link #openStudio(javafx.stage.Stage, java.nio.file.Path)}, with another preset. */
    static StudioApp.Studio openStudio(javafx.stage.Stage stage, java.nio.file.Path recentList, String preset) {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        StudioApp.Studio studio = StudioApp.open(stage, preset, new RecentFiles(recentList));
        stage.show();
        return studio;
    }

    /**
     * Waits until what the studio builds soon after its window shows is built (the editor's folded
     * Advanced section among it), for a test that reads those controls.
     */
    static void waitForHiddenParts(StudioApp.Studio studio) {
        waitUntil("the parts hidden at first are built", () -> studio.view().hiddenBuilt());
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

    /** What a box shows in itself: the text of the cell its skin displays (read on the FX thread). */
    static String shownText(javafx.scene.control.ComboBox<?> box) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
                Node cell = box.getSkin() instanceof javafx.scene.control.skin.ComboBoxListViewSkin<?> skin
                        ? skin.getDisplayNode() : null;
                return cell instanceof javafx.scene.control.ListCell<?> c ? c.getText() : null;
            }).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A showing dialog whose header starts with {@code header}, or null. */
    static javafx.stage.Stage dialogWithHeader(String header) {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w instanceof javafx.stage.Stage s && s.isShowing() && s.getScene() != null
                    && s.getScene().getRoot() instanceof javafx.scene.control.DialogPane pane
                    && pane.getHeaderText() != null && pane.getHeaderText().startsWith(header)) {
                return s;
            }
        }
        return null;
    }
}

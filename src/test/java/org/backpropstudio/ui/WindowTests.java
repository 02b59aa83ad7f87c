package org.backpropstudio.ui;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests share. */
final class WindowTests {

    private WindowTests() {
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

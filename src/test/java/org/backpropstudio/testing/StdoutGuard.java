package org.backpropstudio.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures System.out while a test runs and says what it printed, if anything. */
final class StdoutGuard {

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    StdoutGuard() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /** Restores System.out; returns a failure message if the test printed, else null. */
    String restore(String testName) {
        System.setOut(original);
        if (captured.size() == 0) {
            return null;
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        return testName + " printed to stdout (tests stay quiet): "
                + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }
}

package org.backpropstudio.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * A part of the studio nobody sees at first (the shortcuts card, the inspector, the gradient
 * check's window), built when first asked for or soon after the window is up, whichever comes
 * first. Built with the studio, they held the window back: the card and the check's window about
 * 150 ms of the UI thread, most of it styling the hidden window; the inspector's 387 nodes about
 * 75 ms more (a hidden node is styled as a shown one is). Built only when first asked for, a part
 * would be styled while the studio trains. ({@link StudioView#buildHidden} also has the editor
 * make its folded Advanced section then: 287 nodes more.) On the UI thread only.
 *
 * @param <T> the part
 */
public final class Deferred<T> {

    /** From the window shown to the hidden parts built: its first frames come first. */
    static final Duration AFTER_SHOWN = Duration.millis(400);

    private final Supplier<T> make;
    private T value;

    public Deferred(Supplier<T> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    /** The part, built now if it was not yet. */
    public T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }

    /** True once the part is built. */
    public boolean built() {
        return value != null;
    }

    /** Between two parts built after the window is shown: the frames in between are drawn. */
    static final Duration BETWEEN_PARTS = Duration.millis(60);

    /**
     * Builds the parts one at a time, the first {@link #AFTER_SHOWN} after the window is shown (or
     * after that long from now when it already is: a stage a studio before this one showed), each
     * next one {@link #BETWEEN_PARTS} later, each in a task of the UI thread of its own. Built in one
     * task, the four parts of the studio held the UI thread for up to 138 ms of its CPU time while
     * the JIT was still compiling (the stress test's watchdog). The handler waiting for the window
     * goes when it has run, so the window keeps nothing of the studio.
     */
    static void soonAfterShown(Window window, List<Runnable> parts) {
        if (window.isShowing()) {
            later(parts, 0, AFTER_SHOWN);
            return;
        }
        EventHandler<WindowEvent> once = new EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                window.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                later(parts, 0, AFTER_SHOWN);
            }
        };
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, once);
    }

    private static void later(List<Runnable> parts, int next, Duration after) {
        if (next == parts.size()) {
            return;
        }
        PauseTransition wait = new PauseTransition(after);
        wait.setOnFinished(e -> Platform.runLater(() -> {
            parts.get(next).run();
            later(parts, next + 1, BETWEEN_PARTS);
        }));
        wait.play();
    }
}

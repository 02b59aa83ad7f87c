package org.backpropstudio.ui;

import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/**
 * A pane whose content is drawn on canvases that fill it. It keeps the canvases renderable (a
 * canvas of zero size, or larger than the biggest texture, makes the renderer fail) and keeps
 * its preferred size independent of theirs, so layout cannot feed back into ever larger canvases.
 */
public abstract class CanvasPane extends Pane {

    private final Canvas[] canvases;
    private final double prefWidth;
    private final double prefHeight;
    /** A drawing queued by {@link #redrawSoon} and not yet done. */
    private boolean redrawQueued;
    /** The drawn text's size relative to the normal 13 px (lecture mode: 1.6; Ctrl+= and Ctrl+- move it). */
    private double textScale = 1;

    /** @param layers the canvases, back to front */
    protected CanvasPane(double prefWidth, double prefHeight, Canvas... layers) {
        this.canvases = layers.clone();
        this.prefWidth = prefWidth;
        this.prefHeight = prefHeight;
        getChildren().addAll(layers);
        // the canvases take the new size at once (they keep their old content at the top left);
        // the content is drawn again at that size once the layout's pulse is over
        widthProperty().addListener(o -> {
            fitCanvases();
            redrawSoon();
        });
        heightProperty().addListener(o -> {
            fitCanvases();
            redrawSoon();
        });
    }

    /**
     * Draws the content again once the current pulse is over, not now. A resize comes in a
     * pulse's layout, and a layout that resizes several panes at once (the inspector opened or
     * closed, the window resized) had them all drawn in that pulse: one stretch of tens of
     * milliseconds on the UI thread. Queued apart, each pane's drawing is a stretch of its own,
     * and the user's input can come between them; the pane shows its old content for a frame.
     * Asked for again before it is done, it draws once.
     */
    protected final void redrawSoon() {
        if (!redrawQueued) {
            redrawQueued = true;
            Platform.runLater(() -> {
                redrawQueued = false;
                redraw();
            });
        }
    }

    /**
     * Scales the drawn text, and what is sized by it, with the window's text: the controls around
     * a canvas grow with the root's font size, its own words only when told.
     */
    public void setTextScale(double scale) {
        if (scale != textScale) {
            textScale = scale;
            redraw();
        }
    }

    /** The drawn text's size relative to the normal one. */
    public double textScale() {
        return textScale;
    }

    /** A text size in pixels: {@code em} times the studio's normal 13 px, scaled as the window's text. */
    protected double textSize(double em) {
        return StudioView.BASE_FONT_SIZE * em * textScale;
    }

    /** Device pixels per canvas unit: the window's render scale (2 on most high-density screens). */
    protected double outputScale() {
        var window = getScene() == null ? null : getScene().getWindow();
        return window == null ? 1 : window.getRenderScaleX();
    }

    /** Draws the content again at the current size. */
    protected abstract void redraw();

    @Override
    protected void layoutChildren() {
        fitCanvases();
    }

    private void fitCanvases() {
        for (Canvas c : canvases) {
            c.setWidth(Math.max(1, Math.min(8192, getWidth())));
            c.setHeight(Math.max(1, Math.min(8192, getHeight())));
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return prefWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        return prefHeight;
    }
}

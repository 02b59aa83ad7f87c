package org.backpropstudio.ui;

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

    /** @param layers the canvases, back to front */
    protected CanvasPane(double prefWidth, double prefHeight, Canvas... layers) {
        this.canvases = layers.clone();
        this.prefWidth = prefWidth;
        this.prefHeight = prefHeight;
        getChildren().addAll(layers);
        // the canvases take the new size before the content is drawn again: drawn first, a growing
        // pane would leave the new area blank
        widthProperty().addListener(o -> {
            fitCanvases();
            redraw();
        });
        heightProperty().addListener(o -> {
            fitCanvases();
            redraw();
        });
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

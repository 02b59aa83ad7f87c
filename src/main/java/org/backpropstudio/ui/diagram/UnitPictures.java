package org.backpropstudio.ui.diagram;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;

/**
 * Small pictures of the units, drawn in the diagram's discs: a plane classifier's map of each
 * unit over the plane (TF Playground's best idea). Given by the view that makes them; the
 * diagram tells it which unit the pointer is over, so it can show that one large.
 */
public interface UnitPictures {

    /** The image holding every picture, or null while there is none yet. */
    Image atlas();

    /** Where the picture of unit {@code unit} of column {@code column} (0: the inputs) lies in the atlas, or null. */
    Rectangle2D tile(int column, int unit);

    /** The pointer is over that unit; column −1: over none. */
    void pointed(int column, int unit);
}

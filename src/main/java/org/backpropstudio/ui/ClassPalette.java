package org.backpropstudio.ui;

import javafx.scene.paint.Color;

/**
 * The classes' colours: Okabe and Ito's palette, told apart with every common colour-vision
 * deficiency and bright enough on the dark theme and on a projector, then three of Paul Tol's
 * for classes 8 to 10 (the digits). Class 1 is blue and class 2 orange, as in TF Playground.
 */
public final class ClassPalette {

    private static final int[] RGB = {
        0x0072B2, // blue
        0xE69F00, // orange
        0x009E73, // bluish green
        0xCC79A7, // reddish purple
        0xD55E00, // vermillion
        0x56B4E9, // sky blue
        0xF0E442, // yellow
        0x882255, // wine
        0x44AA99, // teal
        0x999933, // olive
    };

    private ClassPalette() {
    }

    /** Class c's colour as 0xRRGGBB. */
    public static int rgb(int c) {
        return RGB[c % RGB.length];
    }

    /** Class c's colour. */
    public static Color color(int c) {
        int v = rgb(c);
        return Color.rgb(v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF);
    }

    /** Class c's colour for CSS: {@code #0072b2}. */
    public static String web(int c) {
        return String.format("#%06x", rgb(c));
    }

    /** a + t · (b − a) per channel of two 0xRRGGBB colours, t in [0, 1]: a colour t of the way from a to b. */
    public static int mix(int a, int b, double t) {
        int r = (int) Math.round((a >> 16 & 0xFF) + t * ((b >> 16 & 0xFF) - (a >> 16 & 0xFF)));
        int g = (int) Math.round((a >> 8 & 0xFF) + t * ((b >> 8 & 0xFF) - (a >> 8 & 0xFF)));
        int bl = (int) Math.round((a & 0xFF) + t * ((b & 0xFF) - (a & 0xFF)));
        return r << 16 | g << 8 | bl;
    }
}

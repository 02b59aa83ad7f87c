package org.backpropstudio.ui.plane;

import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.training.ClassReport;
import org.backpropstudio.ui.ClassPalette;

/**
 * The plane as pixels (ARGB, row by row): the network's class regions as a heat map, the points
 * over them. Plain arithmetic, no toolkit: drawn off the canvas and put on it as one image, so
 * hundreds of points cost a loop, not hundreds of shapes for the renderer.
 *
 * <p>A pixel's colour: the class colours mixed by the predicted probabilities p (interpolated
 * between the grid's cells), laid over the background with a strength that grows with the
 * confidence, so confident regions are saturated and the boundary, where no class wins, is pale:
 * <pre>
 *   mix = Σ_c p_c · colour_c          confidence a = (max_c p_c − 1/k) / (1 − 1/k)
 *   pixel = background + s · (mix − background),   s = 0.15 + 0.6 · a
 * </pre>
 */
public final class PlanePicture {

    /** Strength of the mix where no class wins, and what full confidence adds. */
    static final double PALE = 0.15;
    static final double CONFIDENT = 0.6;

    private PlanePicture() {
    }

    /** The heat map's colour for probabilities p over a background (both 0xRRGGBB). */
    public static int regionColour(float[] p, int offset, int classes, int background) {
        double r = 0;
        double g = 0;
        double b = 0;
        double max = 0;
        for (int c = 0; c < classes; c++) {
            double pc = p[offset + c];
            if (Double.isNaN(pc)) {
                return 0x808080; // a diverged network: grey
            }
            int rgb = ClassPalette.rgb(c);
            r += pc * (rgb >> 16 & 0xFF);
            g += pc * (rgb >> 8 & 0xFF);
            b += pc * (rgb & 0xFF);
            max = Math.max(max, pc);
        }
        double confidence = Math.max(0, (max - 1.0 / classes) / (1 - 1.0 / classes));
        double s = PALE + CONFIDENT * confidence;
        return blend(background, (int) Math.round(r), (int) Math.round(g), (int) Math.round(b), s);
    }

    private static int blend(int background, int r, int g, int b, double s) {
        int br = background >> 16 & 0xFF;
        int bg = background >> 8 & 0xFF;
        int bb = background & 0xFF;
        return (int) Math.round(br + s * (r - br)) << 16 | (int) Math.round(bg + s * (g - bg)) << 8
                | (int) Math.round(bb + s * (b - bb));
    }

    /**
     * The picture of the plane, {@code size} × {@code size} pixels (opaque ARGB): the regions, then
     * the training points filled and the test points as rings, of radius {@code dot} pixels.
     */
    public static int[] render(ClassReport.Plane plane, int size, double dot, int background, int outline) {
        return render(plane, null, size, dot, background, outline);
    }

    /** As {@link #render(ClassReport.Plane, int, double, int, int)}, showing one unit's map instead of the regions when {@code unit} is not null. */
    public static int[] render(ClassReport.Plane plane, UnitMaps.UnitMap unit, int size, double dot, int background,
                               int outline) {
        int[] pixels = new int[size * size];
        int k = plane.classes();
        int r = plane.resolution();
        float[] p = new float[k];
        // each pixel's probabilities: bilinear between the centres of the four nearest cells
        for (int py = 0; py < size; py++) {
            double gy = Math.min(r - 1, Math.max(0, (py + 0.5) * r / size - 0.5));
            int j0 = (int) gy;
            int j1 = Math.min(r - 1, j0 + 1);
            double fy = gy - j0;
            for (int px = 0; px < size; px++) {
                double gx = Math.min(r - 1, Math.max(0, (px + 0.5) * r / size - 0.5));
                int i0 = (int) gx;
                int i1 = Math.min(r - 1, i0 + 1);
                double fx = gx - i0;
                if (unit != null) {
                    double v = (1 - fy) * ((1 - fx) * unit.at(j0 * r + i0) + fx * unit.at(j0 * r + i1))
                            + fy * ((1 - fx) * unit.at(j1 * r + i0) + fx * unit.at(j1 * r + i1));
                    pixels[py * size + px] = 0xFF000000 | UnitMaps.colour(unit, v, background);
                    continue;
                }
                for (int c = 0; c < k; c++) {
                    p[c] = (float) ((1 - fy) * ((1 - fx) * at(plane, j0, i0, c) + fx * at(plane, j0, i1, c))
                            + fy * ((1 - fx) * at(plane, j1, i0, c) + fx * at(plane, j1, i1, c)));
                }
                pixels[py * size + px] = 0xFF000000 | regionColour(p, 0, k, background);
            }
        }
        dots(pixels, size, plane, plane.points().train(), dot, true, outline);
        dots(pixels, size, plane, plane.points().test(), dot, false, outline);
        return pixels;
    }

    private static float at(ClassReport.Plane plane, int row, int column, int c) {
        return plane.probabilities()[(row * plane.resolution() + column) * plane.classes() + c];
    }

    /** The pixel column of x₁ (or, with {@code -x₂}, the row of x₂) in a picture of {@code size}. */
    public static double pixel(double coordinate, double extent, int size) {
        return (coordinate + extent) / (2 * extent) * size;
    }

    private static void dots(int[] pixels, int size, ClassReport.Plane plane, DataSpec.Points points, double radius,
                             boolean filled, int outline) {
        for (int i = 0; i < points.size(); i++) {
            double cx = pixel(points.xy()[i][0], plane.extent(), size);
            double cy = pixel(-points.xy()[i][1], plane.extent(), size);
            int colour = ClassPalette.rgb(points.labels()[i]);
            int lo = (int) Math.floor(cy - radius - 1);
            int hi = (int) Math.ceil(cy + radius + 1);
            for (int y = Math.max(0, lo); y < Math.min(size, hi); y++) {
                for (int x = Math.max(0, (int) Math.floor(cx - radius - 1)); x < Math.min(size, (int) Math.ceil(cx + radius + 1)); x++) {
                    double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                    // coverage of the disc (anti-aliased over one pixel) and of its 1.2-pixel rim
                    double disc = clamp(radius + 0.5 - d);
                    if (disc <= 0) {
                        continue;
                    }
                    double rim = clamp(d - (radius - 1.7) + 0.5);
                    int inner = filled ? colour : pixels[y * size + x] & 0xFFFFFF;
                    int rimColour = filled ? outline : colour;
                    double rimShare = filled ? rim : clamp(d - (radius - 2.4) + 0.5);
                    int c = mix(inner, rimColour, rimShare);
                    pixels[y * size + x] = 0xFF000000 | mix(pixels[y * size + x] & 0xFFFFFF, c, disc);
                }
            }
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** a + t · (b − a), per channel, for other views' pictures (0xRRGGBB, t in [0, 1]). */
    public static int mixColour(int a, int b, double t) {
        return mix(a, b, t);
    }

    /** a + t · (b − a), per channel. */
    static int mix(int a, int b, double t) {
        return blend(a, b >> 16 & 0xFF, b >> 8 & 0xFF, b & 0xFF, t);
    }
}

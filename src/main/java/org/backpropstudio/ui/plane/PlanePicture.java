package org.backpropstudio.ui.plane;

import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.training.ClassReport;
import org.backpropstudio.ui.ClassPalette;

/**
 * The plane as pixels (ARGB, row by row): the network's class regions as a heat map of one pixel
 * per cell of its grid (the canvas scales it up with smoothing), and the points as an image of
 * their own laid over it. Plain arithmetic, no toolkit: hundreds of points cost a loop once, not
 * hundreds of shapes for the renderer every frame.
 *
 * <p>A cell's colour: the class colours mixed by the predicted probabilities p, laid over the
 * background with a strength that grows with the confidence, so confident regions are saturated
 * and the boundary, where no class wins, is pale:
 * <pre>
 *   mix = Σ_c p_c · colour_c          confidence a = (max_c p_c − 1/k) / (1 − 1/k)
 *   cell = background + s · (mix − background),   s = 0.15 + 0.6 · a
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
     * The regions at the grid's resolution, one opaque ARGB pixel per cell (row-major from the
     * top): what the canvas scales up with smoothing, so the UI thread works per cell, not per
     * pixel. With {@code unit}, that unit's map instead.
     */
    public static int[] regions(ClassReport.Plane plane, UnitMaps.UnitMap unit, int background) {
        int r = plane.resolution();
        int k = plane.classes();
        int[] cells = new int[r * r];
        for (int c = 0; c < r * r; c++) {
            cells[c] = 0xFF000000 | (unit != null ? UnitMaps.colour(unit, unit.at(c), background)
                    : regionColour(plane.probabilities(), c * k, k, background));
        }
        return cells;
    }

    /**
     * Cells (r × r opaque ARGB) enlarged f times by bilinear interpolation between their centres:
     * the renderer's own scaling of a small image is not smooth in every pipeline (the software
     * one steps), so the regions reach it already f times finer.
     */
    public static int[] enlarge(int[] cells, int r, int f) {
        int n = r * f;
        // where each column of the enlargement falls between the cells' centres (each row alike):
        // between cells lo and hi, t of the way
        int[] lo = new int[n];
        int[] hi = new int[n];
        double[] t = new double[n];
        for (int x = 0; x < n; x++) {
            double g = Math.min(r - 1, Math.max(0, (x + 0.5) / f - 0.5));
            lo[x] = (int) g;
            hi[x] = Math.min(r - 1, lo[x] + 1);
            t[x] = g - lo[x];
        }
        // each row of cells mixed across once (r × n), then each pixel between two of those rows
        // (n × n): the mixes a pixel's four cells had, each done once, not once per pixel row
        int[] across = new int[r * n];
        for (int j = 0; j < r; j++) {
            for (int x = 0; x < n; x++) {
                across[j * n + x] = mix(cells[j * r + lo[x]], cells[j * r + hi[x]], t[x]);
            }
        }
        int[] out = new int[n * n];
        for (int y = 0; y < n; y++) {
            int top = lo[y] * n;
            int bottom = hi[y] * n;
            double fy = t[y];
            for (int x = 0; x < n; x++) {
                out[y * n + x] = 0xFF000000 | mix(across[top + x], across[bottom + x], fy);
            }
        }
        return out;
    }

    /**
     * The points alone, {@code size} × {@code size} premultiplied ARGB pixels, transparent between
     * them: drawn once per set of points and laid over the regions each frame.
     */
    public static int[] points(DataSpec.PointSets points, double extent, int size, double dot, int outline) {
        int[] pixels = new int[size * size];
        ClassReport.Plane frame = new ClassReport.Plane(2, extent, 1, new float[2], java.util.List.of(), points,
                java.util.List.of());
        dotsOver(pixels, size, frame, points.train(), dot, true, outline);
        dotsOver(pixels, size, frame, points.test(), dot, false, outline);
        return pixels;
    }

    /**
     * Dots over transparent pixels (premultiplied ARGB), anti-aliased: coverage as alpha. A ring's
     * centre stays transparent, so the region shows through it.
     */
    private static void dotsOver(int[] pixels, int size, ClassReport.Plane plane, DataSpec.Points points, double radius,
                                 boolean filled, int outline) {
        for (int i = 0; i < points.size(); i++) {
            double cx = pixel(points.xy()[i][0], plane.extent(), size);
            double cy = pixel(-points.xy()[i][1], plane.extent(), size);
            int colour = ClassPalette.rgb(points.labels()[i]);
            for (int y = Math.max(0, (int) Math.floor(cy - radius - 1)); y < Math.min(size, (int) Math.ceil(cy + radius + 1)); y++) {
                for (int x = Math.max(0, (int) Math.floor(cx - radius - 1)); x < Math.min(size, (int) Math.ceil(cx + radius + 1)); x++) {
                    double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                    double disc = clamp(radius + 0.5 - d);
                    if (disc <= 0) {
                        continue;
                    }
                    // filled: the class colour inside a rim of the outline colour; a ring: the class colour
                    // on the rim only, nothing inside
                    double rim = filled ? clamp(d - (radius - 1.7) + 0.5) : clamp(d - (radius - 2.4) + 0.5);
                    int rgb = filled ? mix(colour, outline, rim) : colour;
                    double alpha = filled ? disc : disc * rim;
                    int k = y * size + x;
                    pixels[k] = over(pixels[k], rgb, alpha);
                }
            }
        }
    }

    /** A premultiplied ARGB pixel with colour rgb at coverage alpha laid over it. */
    private static int over(int under, int rgb, double alpha) {
        double keep = 1 - alpha;
        int a = (int) Math.round(255 * alpha + (under >>> 24) * keep);
        int r = (int) Math.round((rgb >> 16 & 0xFF) * alpha + (under >> 16 & 0xFF) * keep);
        int g = (int) Math.round((rgb >> 8 & 0xFF) * alpha + (under >> 8 & 0xFF) * keep);
        int b = (int) Math.round((rgb & 0xFF) * alpha + (under & 0xFF) * keep);
        return a << 24 | r << 16 | g << 8 | b;
    }

    /** The pixel column of x₁ (or, with {@code -x₂}, the row of x₂) in a picture of {@code size}. */
    public static double pixel(double coordinate, double extent, int size) {
        return (coordinate + extent) / (2 * extent) * size;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** a + t · (b − a), per channel. */
    static int mix(int a, int b, double t) {
        return blend(a, b >> 16 & 0xFF, b >> 8 & 0xFF, b & 0xFF, t);
    }
}

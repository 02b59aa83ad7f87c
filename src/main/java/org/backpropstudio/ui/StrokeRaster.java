package org.backpropstudio.ui;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Anti-aliased lines drawn into pixels by our own code, then put on a canvas as one image: the
 * charts' curves and the diagram's connections.
 *
 * <p>Why not {@code GraphicsContext.stroke()}: JavaFX rasterizes a canvas's strokes on its render
 * thread (Marlin), and the FX thread waits for each frame before it starts the next. In the first
 * second after Play, before the JIT has compiled Marlin, one curve across the chart cost that
 * thread 50–130 ms (docs/reliability.md, "The UI thread"). Here a line costs a short loop over the
 * pixels near it, and the render thread only copies an image.
 *
 * <p>Coverage: a line of width w is the band of points within w/2 of its segments (round caps and
 * joins). A pixel, taken as a 1 × 1 box, at distance d from the centre line is covered by the
 * length of [d − w/2, d + w/2] ∩ [−½, ½]: exact for horizontal and vertical lines, and it gives a
 * line thinner than a pixel its width in alpha rather than a full-strength hairline. Within one
 * path a pixel keeps the largest coverage any segment gives it, so a curve is as strong at its
 * joints as along them; separate paths are composited over each other.
 *
 * <p>Not thread-safe: one thread draws in an instance (the FX thread, like the canvas it feeds;
 * {@link #warmUp} a raster of its own).
 */
public final class StrokeRaster {

    /** Pixels drawn at most (4 M: a 2560 × 1600 chart at full resolution, 32 MB of arrays). */
    static final double MAX_PIXELS = 4_194_304;

    private int width;
    private int height;
    /** Device pixels per canvas unit (the window's output scale). */
    private double scale = 1;
    /** The drawing so far, premultiplied ARGB, (height × width) row-major. */
    private int[] argb = new int[0];
    /** The open path's coverage, (height × width); zero but at the pixels in {@link #touched}. */
    private float[] cover = new float[0];
    /** The pixels the open path covers, as indexes into {@link #cover}, each once. */
    private int[] touched = new int[1024];
    private int touchedCount;
    /** The rectangle of {@link #argb} drawn since the last flush, [inkLeft, inkRight) × [inkTop, inkBottom). */
    private int inkLeft;
    private int inkTop;
    private int inkRight;
    private int inkBottom;
    /** The clip in device pixels, [clipLeft, clipRight) × [clipTop, clipBottom). */
    private int clipLeft;
    private int clipTop;
    private int clipRight;
    private int clipBottom;

    // the open path
    private float red;
    private float green;
    private float blue;
    private float alpha;
    private double halfWidth;
    private double[] dashes;
    private int dashIndex;
    /** How much of the current dash entry is left, in device pixels. */
    private double dashLeft;
    private double penX;
    private double penY;
    private boolean penDown;

    /**
     * Two sets of images, used in turn by successive drawings, so that the FX thread never writes
     * an image the render thread may still be copying from the drawing before.
     */
    private final List<List<Picture>> pictures = List.of(new ArrayList<>(), new ArrayList<>());
    private int set;
    private int flushes;

    /**
     * Starts a drawing on a canvas of {@code canvasWidth × canvasHeight} units shown at {@code scale}
     * device pixels per unit: clears it and removes the clip.
     */
    public void begin(double canvasWidth, double canvasHeight, double scale) {
        this.scale = scale > 0 && Double.isFinite(scale) ? scale : 1;
        double pixels = Math.max(1, canvasWidth * this.scale) * Math.max(1, canvasHeight * this.scale);
        if (pixels > MAX_PIXELS) {
            // a pane far larger than a screen (a layout passing through 8192 × 8192): fewer
            // pixels, scaled up when put on the canvas, rather than gigabytes of arrays
            this.scale *= Math.sqrt(MAX_PIXELS / pixels);
        }
        int w = Math.max(1, (int) Math.ceil(canvasWidth * this.scale));
        int h = Math.max(1, (int) Math.ceil(canvasHeight * this.scale));
        if (w != width || h != height) {
            // the arrays only grow: a pane resized while the layout settles (the inspector
            // opening) would otherwise allocate megabytes per frame
            if ((long) w * h > argb.length) {
                argb = new int[w * h];
                cover = new float[w * h];
            } else {
                Arrays.fill(argb, 0, w * h, 0); // cover is clear outside an open path
            }
            width = w;
            height = h;
            resetInk();
        } else {
            clearInk();
        }
        set ^= 1;
        flushes = 0;
        clip(0, 0, canvasWidth, canvasHeight);
        penDown = false;
        touchedCount = 0;
    }

    /**
     * Draws a few hundred curves, solid and dashed, into a raster of its own: run off the FX thread
     * at start-up, it has the JIT compile this class's loops before the first frames need them
     * (cold, the first curve cost the FX thread 50 ms). Nothing is shown.
     */
    public static void warmUp() {
        StrokeRaster r = new StrokeRaster();
        double[] dashes = {7, 5};
        for (int pass = 0; pass < 40; pass++) {
            r.begin(1000, 450, 1);
            r.clip(40, 10, 940, 400);
            for (int c = 0; c < 4; c++) {
                r.beginPath(Color.BLACK, 1 + c, c % 2 == 0 ? null : dashes);
                for (int i = 0; i < 500; i++) {
                    double x = i * 2.0;
                    double y = 225 + 250 * Math.sin(i * 0.02 + pass + c);
                    if (i == 0) {
                        r.moveTo(x, y);
                    } else {
                        r.lineTo(x, y);
                    }
                }
                r.endPath();
            }
        }
    }

    /** Draws only inside this rectangle (canvas units) from now on. */
    public void clip(double x, double y, double w, double h) {
        clipLeft = clamp((int) Math.round(x * scale), 0, width);
        clipTop = clamp((int) Math.round(y * scale), 0, height);
        clipRight = clamp((int) Math.round((x + w) * scale), clipLeft, width);
        clipBottom = clamp((int) Math.round((y + h) * scale), clipTop, height);
    }

    /**
     * Opens a path in {@code color}, {@code lineWidth} canvas units wide, dashed as a canvas's
     * {@code setLineDashes} would dash it (null: solid). Close it with {@link #endPath()}.
     */
    public void beginPath(Color color, double lineWidth, double[] dashes) {
        red = (float) color.getRed();
        green = (float) color.getGreen();
        blue = (float) color.getBlue();
        alpha = (float) color.getOpacity();
        halfWidth = Math.max(0, lineWidth) * scale / 2;
        this.dashes = dashPattern(dashes, scale);
        penDown = false;
    }

    /** Starts a new piece of the path at (x, y), in canvas units; the dash pattern starts again. */
    public void moveTo(double x, double y) {
        penX = x * scale;
        penY = y * scale;
        penDown = true;
        dashIndex = 0;
        dashLeft = dashes == null ? 0 : dashes[0] * scale;
    }

    /** A straight line from the pen to (x, y), in canvas units. */
    public void lineTo(double x, double y) {
        double tx = x * scale;
        double ty = y * scale;
        if (!penDown) {
            moveTo(x, y);
            return;
        }
        if (dashes == null) {
            segment(penX, penY, tx, ty);
        } else {
            dashed(penX, penY, tx, ty);
        }
        penX = tx;
        penY = ty;
    }

    /** Composites the open path over the drawing, with its colour's opacity, and clears it. */
    public void endPath() {
        for (int k = 0; k < touchedCount; k++) {
            int i = touched[k];
            argb[i] = over(argb[i], alpha * cover[i]);
            cover[i] = 0;
            int row = i / width;
            int col = i - row * width;
            inkLeft = Math.min(inkLeft, col);
            inkRight = Math.max(inkRight, col + 1);
            inkTop = Math.min(inkTop, row);
            inkBottom = Math.max(inkBottom, row + 1);
        }
        touchedCount = 0;
        penDown = false;
    }

    /**
     * Puts what was drawn since the last flush on {@code g} as one image, at the top left of the
     * canvas, and clears it. Nothing is put when nothing was drawn.
     */
    public void flush(GraphicsContext g) {
        if (inkLeft >= inkRight || inkTop >= inkBottom) {
            return;
        }
        List<Picture> pool = pictures.get(set);
        if (pool.size() == flushes) {
            pool.add(null);
        }
        Picture picture = pool.get(flushes);
        if (picture == null || picture.width < inkRight || picture.height < inkBottom) {
            // as large as the drawing and a little more, kept while it is large enough (only the
            // ink's rectangle is written and put on the canvas, so what else it holds never
            // shows): a pane growing a pixel a frame does not allocate every frame
            picture = new Picture(roundUp(width), roundUp(height));
            pool.set(flushes, picture);
        }
        picture.put(argb, width, inkLeft, inkTop, inkRight, inkBottom);
        flushes++;
        g.drawImage(picture.image, inkLeft, inkTop, inkRight - inkLeft, inkBottom - inkTop,
                inkLeft / scale, inkTop / scale, (inkRight - inkLeft) / scale, (inkBottom - inkTop) / scale);
        clearInk();
    }

    /**
     * An image over pixels of our own in the renderer's format (premultiplied ARGB ints): putting
     * ink in it is a copy of rows, and the software renderer copies them again as they are. A
     * {@code WritableImage} of its own format (bytes, BGRA) would have both threads convert every
     * pixel, each time, which cold took the render thread tens of milliseconds a frame.
     */
    private static final class Picture {
        final int width;
        final int height;
        /** (height × width), row-major; the image's pixels. */
        final int[] pixels;
        final PixelBuffer<IntBuffer> buffer;
        final WritableImage image;

        Picture(int width, int height) {
            this.width = width;
            this.height = height;
            pixels = new int[width * height];
            buffer = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        }

        /** Copies [left, right) × [top, bottom) of {@code from} (rows {@code stride} long) into the image. */
        void put(int[] from, int stride, int left, int top, int right, int bottom) {
            buffer.updateBuffer(b -> {
                for (int row = top; row < bottom; row++) {
                    System.arraycopy(from, row * stride + left, pixels, row * width + left, right - left);
                }
                return new Rectangle2D(left, top, right - left, bottom - top);
            });
        }
    }

    /** The pixel at device (x, y), premultiplied ARGB (for tests). */
    int pixel(int x, int y) {
        return argb[y * width + x];
    }

    /** Images put on a canvas in this drawing so far (for tests). */
    int flushes() {
        return flushes;
    }

    private void clearInk() {
        for (int row = inkTop; row < inkBottom; row++) {
            Arrays.fill(argb, row * width + inkLeft, row * width + inkRight, 0);
        }
        resetInk();
    }

    private void resetInk() {
        inkLeft = Integer.MAX_VALUE;
        inkTop = Integer.MAX_VALUE;
        inkRight = Integer.MIN_VALUE;
        inkBottom = Integer.MIN_VALUE;
    }

    /**
     * The "on" pieces of (x0, y0) → (x1, y1) under the dash pattern, which runs on from the last
     * segment. Only the part within reach of the clip is walked dash by dash; the pattern steps
     * over the rest in one go, so a segment far longer than the canvas costs no more than one
     * across it.
     */
    private void dashed(double x0, double y0, double x1, double y1) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        double[] inside = {0, 1};
        double reach = halfWidth + 1;
        if (!(length > 0) || !clipped(x0, y0, x1, y1, reach, inside)) {
            advanceDashes(length);
            return;
        }
        advanceDashes(inside[0] * length);
        double at = inside[0] * length;
        double end = inside[1] * length;
        while (at < end) {
            double step = Math.min(dashLeft, end - at);
            if (dashIndex % 2 == 0 && step > 0) {
                double t0 = at / length;
                double t1 = (at + step) / length;
                segment(x0 + t0 * (x1 - x0), y0 + t0 * (y1 - y0), x0 + t1 * (x1 - x0), y0 + t1 * (y1 - y0));
            }
            at += step;
            dashLeft -= step;
            if (dashLeft <= 0) {
                nextDash();
            }
        }
        advanceDashes(length - end);
    }

    /** Moves the dash pattern on by {@code distance} device pixels without drawing. */
    private void advanceDashes(double distance) {
        if (!(distance > 0)) {
            return;
        }
        if (distance > dashLeft) {
            distance -= dashLeft;
            nextDash();
            double period = 0;
            for (double d : dashes) {
                period += d * scale;
            }
            distance %= period; // whole periods leave the pattern where it was
            while (distance > dashLeft) {
                distance -= dashLeft;
                nextDash();
            }
        }
        dashLeft -= distance;
    }

    private void nextDash() {
        dashIndex = (dashIndex + 1) % dashes.length;
        dashLeft = dashes[dashIndex] * scale;
    }

    /**
     * Liang–Barsky: the part of (x0, y0) → (x1, y1) inside the clip grown by {@code margin}, as
     * t in [{@code t[0]}, {@code t[1]}] (narrowed in place); false when no part is inside.
     */
    private boolean clipped(double x0, double y0, double x1, double y1, double margin, double[] t) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        return clipEdge(-dx, x0 - (clipLeft - margin), t)
                && clipEdge(dx, (clipRight + margin) - x0, t)
                && clipEdge(-dy, y0 - (clipTop - margin), t)
                && clipEdge(dy, (clipBottom + margin) - y0, t);
    }

    /** One edge of {@link #clipped}: the points with p·t ≤ q are inside. */
    private static boolean clipEdge(double p, double q, double[] t) {
        if (p == 0) {
            return q >= 0;
        }
        double r = q / p;
        if (p < 0) {
            if (r > t[1]) {
                return false;
            }
            t[0] = Math.max(t[0], r);
        } else {
            if (r < t[0]) {
                return false;
            }
            t[1] = Math.min(t[1], r);
        }
        return true;
    }

    /**
     * Adds the coverage of one segment (device pixels) to the open path. Rows are visited from
     * the segment's reach above to its reach below; in each, only the columns within reach of the
     * part of the segment whose height is within reach of the row's centre.
     */
    private void segment(double x0, double y0, double x1, double y1) {
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))) {
            return;
        }
        double hw = halfWidth;
        double reach = hw + 0.5;
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length = Math.sqrt(dx * dx + dy * dy);
        // along = ((p − p0) · d) / |d|² (0 … 1 on the segment); across = |(p − p0) × d| / |d|
        double alongPerX = length == 0 ? 0 : dx / (length * length);
        double acrossPerX = length == 0 ? 0 : dy / length;
        int rowFrom = Math.max(clipTop, (int) Math.floor(Math.min(y0, y1) - reach));
        int rowTo = Math.min(clipBottom - 1, (int) Math.floor(Math.max(y0, y1) + reach));
        for (int row = rowFrom; row <= rowTo; row++) {
            double cy = row + 0.5;
            // the part of the segment whose y is within reach of this row's centre: t in [tLo, tHi]
            double tLo = 0;
            double tHi = 1;
            if (dy != 0) {
                double ta = (cy - reach - y0) / dy;
                double tb = (cy + reach - y0) / dy;
                tLo = Math.max(0, Math.min(ta, tb));
                tHi = Math.min(1, Math.max(ta, tb));
                if (tLo > tHi) {
                    continue;
                }
            } else if (Math.abs(y0 - cy) > reach) {
                continue;
            }
            double xa = x0 + tLo * dx;
            double xb = x0 + tHi * dx;
            int colFrom = Math.max(clipLeft, (int) Math.ceil(Math.min(xa, xb) - reach - 0.5));
            int colTo = Math.min(clipRight - 1, (int) Math.floor(Math.max(xa, xb) + reach - 0.5));
            if (colFrom > colTo) {
                continue;
            }
            // both are linear along the row: start at colFrom's centre and step a pixel at a time
            double ry = cy - y0;
            double rx = colFrom + 0.5 - x0;
            // a segment of no length is all cap: along < 0 measures from its one point, a disc
            double along = length == 0 ? -1 : (rx * dx + ry * dy) / (length * length);
            double across = length == 0 ? 0 : (rx * dy - ry * dx) / length;
            int base = row * width;
            for (int col = colFrom; col <= colTo; col++, along += alongPerX, across += acrossPerX) {
                double d;
                if (along >= 0 && along <= 1) {
                    d = Math.abs(across);
                } else {
                    // past an end: the distance to that end (the round cap)
                    double ex = col + 0.5 - (along < 0 ? x0 : x1);
                    double ey = cy - (along < 0 ? y0 : y1);
                    d = Math.sqrt(ex * ex + ey * ey);
                }
                // |[d − hw, d + hw] ∩ [−½, ½]|
                double c = Math.min(d + hw, 0.5) - Math.max(d - hw, -0.5);
                if (c > 0) {
                    float f = c < 1 ? (float) c : 1f;
                    int i = base + col;
                    float was = cover[i];
                    if (was == 0) {
                        touch(i);
                    }
                    if (f > was) {
                        cover[i] = f;
                    }
                }
            }
        }
    }

    private void touch(int i) {
        if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, 2 * touched.length);
        }
        touched[touchedCount++] = i;
    }

    /** {@code dst} under the path's colour at opacity {@code a}, premultiplied: src + dst × (1 − a). */
    private int over(int dst, float a) {
        float keep = 1 - a;
        int da = dst >>> 24;
        int dr = (dst >>> 16) & 0xff;
        int dg = (dst >>> 8) & 0xff;
        int db = dst & 0xff;
        int oa = Math.round(a * 255 + da * keep);
        int or = Math.round(red * a * 255 + dr * keep);
        int og = Math.round(green * a * 255 + dg * keep);
        int ob = Math.round(blue * a * 255 + db * keep);
        return (Math.min(oa, 255) << 24) | (Math.min(or, 255) << 16) | (Math.min(og, 255) << 8) | Math.min(ob, 255);
    }

    /**
     * The pattern to dash with, as a canvas would use {@code dashes}: an odd-length pattern
     * repeated once so that dashes and gaps alternate; null (solid) when there is none, an entry
     * is negative or not finite, or a whole period is under a device pixel.
     */
    private static double[] dashPattern(double[] dashes, double scale) {
        if (dashes == null || dashes.length == 0) {
            return null;
        }
        double sum = 0;
        for (double d : dashes) {
            if (!(d >= 0) || !Double.isFinite(d)) {
                return null;
            }
            sum += d;
        }
        if (sum * scale < 1) {
            return null;
        }
        if (dashes.length % 2 == 0) {
            return dashes.clone();
        }
        double[] twice = Arrays.copyOf(dashes, 2 * dashes.length);
        System.arraycopy(dashes, 0, twice, dashes.length, dashes.length);
        return twice;
    }

    /** n rounded up to a multiple of 128. */
    private static int roundUp(int n) {
        return (n + 127) / 128 * 128;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}

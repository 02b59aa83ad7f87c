package org.backpropstudio.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.backpropstudio.engine.Dataset;

/**
 * MNIST's own distribution format, IDX (http://yann.lecun.com/exdb/mnist/): a big-endian header
 * (two zero bytes, the type 0x08 for unsigned bytes, the number of dimensions, each dimension as
 * a 32-bit count) and then the bytes. Images are {@code 0x00000803} (count × rows × columns),
 * labels {@code 0x00000801} (count). Files may be gzip'd as downloaded ({@code .gz}); the reader
 * tells by the content, not the name.
 *
 * <p>Everything is checked before it is trusted: the magic number, positive sizes, at most
 * {@link #MAX_VALUES} bytes of data (MNIST's 60 000 training images are 47 million), the data
 * complete and nothing after it, labels from 0 to 9, and as many labels as images.
 */
public final class IdxFiles {

    /** Images: unsigned bytes in three dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Labels: unsigned bytes in one dimension. */
    public static final int LABELS_MAGIC = 0x00000801;
    /** The most data bytes a file may hold: twice the full MNIST training set. */
    public static final long MAX_VALUES = 100_000_000L;
    /** Classes of a digit label: 0 to 9. */
    public static final int CLASSES = 10;

    private IdxFiles() {
    }

    /** Images as read: {@code count} images of {@code rows × columns} bytes, row by row. */
    public record Images(int count, int rows, int columns, byte[] pixels) {
        /** Pixels per image. */
        public int size() {
            return rows * columns;
        }

        /** Image i's pixels scaled to [0, 1] (byte / 255, as the tutorial's {@code normalize=True}). */
        public double[] scaled(int i) {
            double[] v = new double[size()];
            for (int p = 0; p < v.length; p++) {
                v[p] = (pixels[i * size() + p] & 0xFF) / 255.0;
            }
            return v;
        }
    }

    /** True when the file begins as an IDX file does, plain or gzip'd (its first bytes only). */
    public static boolean looksLikeIdx(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return head.length >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b
                    || head.length == 3 && head[0] == 0 && head[1] == 0 && head[2] == 0x08;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads an images file, plain or gzip'd. */
    public static Images readImages(Path file) throws ImportException {
        try (InputStream in = open(file)) {
            return readImages(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ImportException(file + ": no such file");
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a labels file, plain or gzip'd. */
    public static int[] readLabels(Path file) throws ImportException {
        try (InputStream in = open(file)) {
            return readLabels(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ImportException(file + ": no such file");
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Images and their labels as samples of 10 classes: inputs (n × rows·columns) scaled to
     * [0, 1], one-hot targets (n × 10).
     *
     * @throws ImportException when the counts differ
     */
    public static Dataset labelled(Images images, int[] labels, String where) throws ImportException {
        if (images.count() != labels.length) {
            throw new ImportException(where + ": " + images.count() + " images but " + labels.length + " labels");
        }
        // straight into the matrix, row by row: a full MNIST is 376 MB of doubles, and a copy of
        // it as rows first would double that
        int n = images.size();
        org.ejml.data.DMatrixRMaj x = new org.ejml.data.DMatrixRMaj(images.count(), n);
        org.ejml.data.DMatrixRMaj y = new org.ejml.data.DMatrixRMaj(images.count(), CLASSES);
        for (int i = 0; i < images.count(); i++) {
            if (labels[i] < 0 || labels[i] >= CLASSES) {
                throw new ImportException(where + ": label " + (i + 1) + " is " + labels[i] + ", not a digit from 0 to 9");
            }
            for (int p = 0; p < n; p++) {
                x.data[i * n + p] = (images.pixels()[i * n + p] & 0xFF) / 255.0;
            }
            y.data[i * CLASSES + labels[i]] = 1;
        }
        return new Dataset(x, y);
    }

    /** Images from a stream (plain or gzip'd); {@code name} is for the messages. */
    public static Images readImages(InputStream raw, String name) throws ImportException, IOException {
        DataInputStream in = new DataInputStream(gunzipIfNeeded(raw, name));
        int[] dims = header(in, name, IMAGES_MAGIC, 3, "an IDX images file");
        long values = (long) dims[0] * dims[1] * dims[2];
        byte[] pixels = body(in, name, values);
        return new Images(dims[0], dims[1], dims[2], pixels);
    }

    /** Labels from a stream (plain or gzip'd); {@code name} is for the messages. */
    public static int[] readLabels(InputStream raw, String name) throws ImportException, IOException {
        DataInputStream in = new DataInputStream(gunzipIfNeeded(raw, name));
        int[] dims = header(in, name, LABELS_MAGIC, 1, "an IDX labels file");
        byte[] bytes = body(in, name, dims[0]);
        int[] labels = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            labels[i] = bytes[i] & 0xFF;
            if (labels[i] >= CLASSES) {
                throw new ImportException(name + ": label " + (i + 1) + " is " + labels[i] + ", not a digit from 0 to 9");
            }
        }
        return labels;
    }

    private static InputStream open(Path file) throws IOException, ImportException {
        if (Files.isDirectory(file) || Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ImportException(file + ": not a regular file");
        }
        return Files.newInputStream(file);
    }

    private static InputStream gunzipIfNeeded(InputStream raw, String name) throws IOException, ImportException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            } catch (ZipException e) {
                throw new ImportException(name + ": a damaged gzip file (" + e.getMessage() + ")");
            }
        }
        return in;
    }

    private static int[] header(DataInputStream in, String name, int magic, int dimensions, String what)
            throws IOException, ImportException {
        int found;
        try {
            found = in.readInt();
        } catch (EOFException e) {
            throw new ImportException(name + ": too short for " + what);
        }
        if (found != magic) {
            throw new ImportException(String.format("%s: not %s (magic number 0x%08X, expected 0x%08X)", name, what,
                    found, magic));
        }
        int[] dims = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            try {
                dims[d] = in.readInt();
            } catch (EOFException e) {
                throw new ImportException(name + ": its header ends early");
            }
            if (dims[d] <= 0) {
                throw new ImportException(name + ": dimension " + (d + 1) + " is " + Integer.toUnsignedString(dims[d])
                        + ", not a positive size");
            }
        }
        return dims;
    }

    private static byte[] body(DataInputStream in, String name, long values) throws IOException, ImportException {
        if (values > MAX_VALUES) {
            throw new ImportException(name + ": its header announces " + values + " bytes of data, more than the "
                    + MAX_VALUES + " this reader takes");
        }
        byte[] data = new byte[(int) values];
        int got = in.readNBytes(data, 0, data.length);
        if (got < data.length) {
            throw new ImportException(name + ": the data ends after " + got + " of the " + values
                    + " bytes its header announces");
        }
        if (in.read() >= 0) {
            throw new ImportException(name + ": there is more data after the " + values + " bytes its header announces");
        }
        return data;
    }
}

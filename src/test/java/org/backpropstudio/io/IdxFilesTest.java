package org.backpropstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.backpropstudio.engine.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST's IDX format: the bundled digits, real downloads, and every way a file can be wrong. */
class IdxFilesTest {

    @TempDir
    Path dir;

    private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void theBundledDigitsReadAsPythonReadsThem() throws Exception {
        // the numbers python's gzip + numpy read from the same files (scripts/bundle_digits.py)
        BundledDigits.Sets digits = BundledDigits.load();
        assertThat(digits.train().size()).isEqualTo(8000);
        assertThat(digits.test().size()).isEqualTo(2000);
        assertThat(digits.train().x().numCols).isEqualTo(784);
        int[] first = new int[10];
        for (int i = 0; i < 10; i++) {
            first[i] = digits.train().label(i);
        }
        assertThat(first).containsExactly(7, 1, 9, 5, 6, 0, 0, 7, 9, 7);
        double sum = 0;
        for (int p = 0; p < 784; p++) {
            sum += digits.train().x().get(0, p) * 255;
        }
        assertThat(Math.round(sum)).isEqualTo(21818);
        assertThat(digits.train().x().get(0, 407)).isEqualTo(71 / 255.0);
        int[] perClass = new int[10];
        for (int i = 0; i < digits.test().size(); i++) {
            perClass[digits.test().label(i)]++;
        }
        assertThat(perClass).containsExactly(190, 218, 228, 218, 195, 168, 198, 214, 183, 188);
    }

    @Test
    void plainAndGzippedFilesReadAlikeWhateverTheirNames() throws Exception {
        byte[] images = idx(IdxFiles.IMAGES_MAGIC, new int[] {2, 2, 3}, new byte[] {0, 1, 2, 3, 4, 5, (byte) 255, 0, 0, 0,
                0, 0});
        byte[] labels = idx(IdxFiles.LABELS_MAGIC, new int[] {2}, new byte[] {3, 9});
        IdxFiles.Images plain = IdxFiles.readImages(file("a", images));
        IdxFiles.Images zipped = IdxFiles.readImages(file("b-no-gz-suffix", gzip(images)));
        assertThat(zipped.pixels()).containsExactly(plain.pixels());
        assertThat(plain.rows()).isEqualTo(2);
        assertThat(plain.columns()).isEqualTo(3);
        Dataset d = IdxFiles.labelled(plain, IdxFiles.readLabels(file("l.gz", gzip(labels))), "test");
        assertThat(d.x().get(1, 0)).isEqualTo(1.0);
        assertThat(d.x().get(0, 5)).isEqualTo(5 / 255.0);
        assertThat(d.label(0)).isEqualTo(3);
        assertThat(d.label(1)).isEqualTo(9);
    }

    @Test
    void everyWayAFileCanBeWrongIsSaidInOneLine() throws Exception {
        byte[] good = idx(IdxFiles.LABELS_MAGIC, new int[] {3}, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> IdxFiles.readLabels(file("img", idx(IdxFiles.IMAGES_MAGIC, new int[] {1, 1, 1},
                new byte[] {0})))).hasMessageContaining("not an IDX labels file (magic number 0x00000803, expected 0x00000801)");
        assertThatThrownBy(() -> IdxFiles.readLabels(file("short", java.util.Arrays.copyOf(good, 10))))
                .hasMessageContaining("the data ends after 2 of the 3 bytes its header announces");
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> IdxFiles.readLabels(file("long", longer)))
                .hasMessageContaining("more data after the 3 bytes");
        assertThatThrownBy(() -> IdxFiles.readLabels(file("ten", idx(IdxFiles.LABELS_MAGIC, new int[] {1},
                new byte[] {10})))).hasMessageContaining("label 1 is 10, not a digit from 0 to 9");
        assertThatThrownBy(() -> IdxFiles.readImages(file("zero", idx(IdxFiles.IMAGES_MAGIC, new int[] {1, 0, 28},
                new byte[0])))).hasMessageContaining("dimension 2 is 0, not a positive size");
        // a header announcing 4·10⁹ bytes is refused before anything is allocated
        assertThatThrownBy(() -> IdxFiles.readImages(file("huge", idx(IdxFiles.IMAGES_MAGIC, new int[] {100_000, 200, 200},
                new byte[0])))).hasMessageContaining("announces 4000000000 bytes of data, more than the 100000000");
        assertThatThrownBy(() -> IdxFiles.readImages(file("empty", new byte[0]))).hasMessageContaining("too short");
        assertThatThrownBy(() -> IdxFiles.readImages(file("csv", "x,y\n1,2\n".getBytes())))
                .hasMessageContaining("not an IDX images file");
        byte[] damaged = gzip(good);
        damaged[damaged.length - 5] ^= 0x55; // its checksum no longer fits
        assertThatThrownBy(() -> IdxFiles.readLabels(file("damaged.gz", damaged))).isInstanceOf(ImportException.class);
        assertThatThrownBy(() -> IdxFiles.readLabels(dir.resolve("missing"))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> IdxFiles.readLabels(dir)).hasMessageContaining("not a regular file");
        IdxFiles.Images two = IdxFiles.readImages(file("two", idx(IdxFiles.IMAGES_MAGIC, new int[] {2, 1, 1},
                new byte[] {0, 0})));
        assertThatThrownBy(() -> IdxFiles.labelled(two, new int[] {1, 2, 3}, "the digits"))
                .hasMessageContaining("the digits: 2 images but 3 labels");
    }

    /** Debian's dataset-fashion-mnist: the real files as downloaded (CI installs it). */
    @Test
    void realFashionMnistLoads() throws Exception {
        Path home = Path.of("/usr/share/datasets/fashion-mnist");
        Path images = home.resolve("t10k-images-idx3-ubyte.gz");
        assumeTrue(Files.isRegularFile(images), "dataset-fashion-mnist is not installed");
        IdxFiles.Images test = IdxFiles.readImages(images);
        int[] labels = IdxFiles.readLabels(home.resolve("t10k-labels-idx1-ubyte.gz"));
        assertThat(test.count()).isEqualTo(10_000);
        assertThat(test.rows()).isEqualTo(28);
        assertThat(labels).hasSize(10_000);
        IdxFiles.Images train = IdxFiles.readImages(home.resolve("train-images-idx3-ubyte.gz"));
        assertThat(train.count()).isEqualTo(60_000);
        int[] perClass = new int[10];
        for (int l : IdxFiles.readLabels(home.resolve("train-labels-idx1-ubyte.gz"))) {
            perClass[l]++;
        }
        assertThat(perClass).containsOnly(6000);
    }
}

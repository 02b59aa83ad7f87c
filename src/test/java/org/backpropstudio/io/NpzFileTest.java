package org.backpropstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.Initializer;
import org.backpropstudio.engine.LayerSpec;
import org.backpropstudio.engine.LossKind;
import org.backpropstudio.engine.Network;
import org.backpropstudio.engine.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzFileTest {

    @TempDir
    Path dir;

    @Test
    void npyHeaderIsExactlyNumpysFormatOnePointZero() {
        byte[] bytes = new Npy(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}).toBytes();
        // magic, version 1.0, header length (little-endian)
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x93 - 256, 'N', 'U', 'M', 'P', 'Y', 1, 0);
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }").endsWith(" \n");
        assertThat((10 + headerLength) % 64).as("data starts on a 64-byte boundary").isZero();
        assertThat(bytes.length).isEqualTo(10 + headerLength + 6 * 8);
        // 1.0 as a little-endian double: 00 00 00 00 00 00 F0 3F
        assertThat(Arrays.copyOfRange(bytes, 10 + headerLength, 10 + headerLength + 8))
                .containsExactly(0, 0, 0, 0, 0, 0, 0xf0 - 256, 0x3f);
        assertThat(Npy.headerDict(new int[] {10})).isEqualTo("{'descr': '<f8', 'fortran_order': False, 'shape': (10,), }");
    }

    @Test
    void npzRoundTripsEveryParameterExactly() throws Exception {
        Network net = Network.create(new NetworkSpec(1, List.of(new LayerSpec(7, Activation.TANH),
                        new LayerSpec(1, Activation.IDENTITY, false))),
                new Initializer.Normal(0, 1), new Initializer.Normal(0, 1), new SplittableRandom(4));
        Path file = dir.resolve("net.npz");
        NpzFile.write(file, WeightsFile.of(net, LossKind.HALF_MSE, null));
        Map<String, Npy> arrays = NpzFile.readArrays(file);
        assertThat(arrays.keySet()).containsExactly("W1", "b1", "W2");
        assertThat(arrays.get("W1").shape()).containsExactly(1, 7);
        assertThat(arrays.get("b1").shape()).containsExactly(7);
        assertThat(arrays.get("W2").shape()).containsExactly(7, 1);
        assertThat(arrays.get("W1").data()).containsExactly(net.layers().get(0).weights().data);
        assertThat(arrays.get("W2").data()).containsExactly(net.layers().get(1).weights().data);
        assertThat(arrays.get("b1").data()).containsExactly(net.layers().get(0).bias().data);
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            String architecture = new String(zip.getInputStream(zip.getEntry("architecture.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(architecture).contains("\"activation\": \"tanh\"").contains("\"bias\": false")
                    .contains("\"loss\": \"half_mse\"");
        }
    }

    @Test
    void damagedArraysAreNamed() throws ImportException {
        byte[] good = new Npy(new int[] {3}, new double[] {1, 2, 3}).toBytes();
        assertThatThrownBy(() -> Npy.fromBytes("hello".getBytes(StandardCharsets.US_ASCII), "x.npy"))
                .isInstanceOf(ImportException.class).hasMessageContaining("no \\x93NUMPY magic");
        assertThatThrownBy(() -> Npy.fromBytes(Arrays.copyOf(good, good.length - 8), "x.npy"))
                .isInstanceOf(ImportException.class).hasMessageContaining("needs 24 bytes of data, the file has 16");
        byte[] bigEndian = good.clone();
        bigEndian[10 + "{'descr': '".length()] = '>';
        assertThatThrownBy(() -> Npy.fromBytes(bigEndian, "x.npy")).isInstanceOf(ImportException.class)
                .hasMessageContaining("little-endian float64");
        assertThat(Npy.fromBytes(good, "x.npy")).isEqualTo(new Npy(new int[] {3}, new double[] {1, 2, 3}));
    }

    @Test
    void sameNetworkSameBytes() throws Exception {
        Network net = Network.create(new NetworkSpec(1, List.of(new LayerSpec(3, Activation.RELU),
                new LayerSpec(1, Activation.IDENTITY))), new Initializer.He(), new Initializer.Constant(0),
                new SplittableRandom(1));
        NpzFile.write(dir.resolve("a.npz"), WeightsFile.of(net, LossKind.MSE, null));
        NpzFile.write(dir.resolve("b.npz"), WeightsFile.of(net, LossKind.MSE, null));
        assertThat(Files.readAllBytes(dir.resolve("a.npz"))).isEqualTo(Files.readAllBytes(dir.resolve("b.npz")));
    }
}

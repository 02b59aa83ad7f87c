package org.backpropstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.Initializer;
import org.backpropstudio.engine.LayerSpec;
import org.backpropstudio.engine.LossKind;
import org.backpropstudio.engine.Matrices;
import org.backpropstudio.engine.Network;
import org.backpropstudio.engine.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WeightsJsonTest {

    @TempDir
    Path dir;

    static String resource(String name) throws IOException {
        try (InputStream in = WeightsJsonTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Network randomNetwork(long seed) {
        Network n = Network.create(new NetworkSpec(2, List.of(new LayerSpec(5, Activation.ELU),
                        new LayerSpec(3, Activation.LEAKY_RELU, false), new LayerSpec(1, Activation.IDENTITY))),
                new Initializer.Normal(0, 1), new Initializer.Normal(0, 1), new SplittableRandom(seed));
        // awkward doubles: subnormal, huge, tiny, negative zero, many digits
        Random r = new Random(seed);
        double[] w = n.layers().get(0).weights().data;
        w[0] = Double.MIN_VALUE;
        w[1] = -Double.MAX_VALUE;
        w[2] = 1e-300 * r.nextDouble();
        w[3] = -0.0;
        w[4] = 0.1 + 0.2;
        return n;
    }

    @Test
    void roundTripGivesTheIdenticalDoubles() throws Exception {
        Network net = randomNetwork(17);
        TrainingInfo info = new TrainingInfo(12, 0.5, Double.NaN, 42, Map.of("name", "sgd", "learningRate", 0.1),
                "2026-11-22T10:00:00Z", "dev", "17");
        Path file = dir.resolve("net.weights.json");
        WeightsJson.write(file, WeightsFile.of(net, LossKind.MSE, info));
        WeightsFile back = WeightsJson.read(file);
        assertThat(back.network()).isEqualTo(net.spec());
        assertThat(back.loss()).isEqualTo(LossKind.MSE);
        Network restored = back.toNetwork();
        for (int k = 0; k < net.parameters().size(); k++) {
            double[] a = net.parameters().get(k).value().data;
            double[] b = restored.parameters().get(k).value().data;
            for (int i = 0; i < a.length; i++) {
                assertThat(Double.doubleToRawLongBits(b[i])).as("%s[%d]", net.parameters().get(k).name(), i)
                        .isEqualTo(Double.doubleToRawLongBits(a[i]));
            }
        }
        assertThat(back.training().epoch()).isEqualTo(12);
        assertThat(back.training().testLoss()).isNaN();
        assertThat(back.training().optimizer()).containsEntry("learningRate", 0.1);
        // writing what was read gives the same text again
        assertThat(WeightsJson.toJson(back)).isEqualTo(Files.readString(file));
    }

    @Test
    void handWrittenGoldenFileLoadsAndPredicts() throws Exception {
        WeightsFile w = WeightsJson.parse(resource("hand-written.v1.weights.json"));
        assertThat(w.network()).hasToString("1 → 2 tanh → 1 (no bias)");
        assertThat(w.training().optimizer()).containsEntry("name", "sgd");
        // p = 2·tanh(0.5x + 0.1) − 0.75·tanh(−1.25x) at x = 0.8
        double p = w.toNetwork().predict(Matrices.column(new double[] {0.8})).get(0, 0);
        assertThat(p).isCloseTo(2 * Math.tanh(0.5 * 0.8 + 0.1) - 0.75 * Math.tanh(-1.25 * 0.8), within(1e-15));
        assertThat(p).isCloseTo(1.4954299314868431, within(1e-15));
    }

    @Test
    void trainedGoldenFileFromVersionOneKeepsItsPredictions() throws Exception {
        Network n = WeightsJson.parse(resource("classic-sigmoid-2000-epochs.v1.weights.json")).toNetwork();
        assertThat(n).hasToString("1 → 10 σ → 10 σ → 1");
        double[] p = n.predict(Matrices.column(new double[] {-1, 0, 1})).data;
        // recorded with `predict --from -1 --to 1 --points 3` when the file was written
        assertThat(p).containsExactly(-0.9362435478594584, -0.08805969019199605, 0.6268169088701835);
    }

    static Stream<Arguments> malformed() throws IOException {
        String good = resource("hand-written.v1.weights.json");
        String tenUnits = good.replace("{\"units\": 2, \"activation\": \"tanh\"}", "{\"units\": 3, \"activation\": \"tanh\"}");
        return Stream.of(
                Arguments.of("empty", "", "expected a JSON object"),
                Arguments.of("array", "[]", "expected a JSON object"),
                Arguments.of("truncated", good.substring(0, good.length() / 2), "not valid JSON at line"),
                Arguments.of("wrong format", good.replace("backprop-studio.weights", "keras"), "\"format\" must be"),
                Arguments.of("newer version", good.replace("\"version\": 1", "\"version\": 2"), "version 2 is not supported"),
                Arguments.of("version text", good.replace("\"version\": 1", "\"version\": \"1\""), "\"version\" must be a whole number"),
                Arguments.of("no inputs", good.replace("\"inputs\": 1", "\"inputs\": 0"), "\"inputs\" must be a whole number from 1"),
                Arguments.of("unknown activation", good.replace("tanh", "swish"), "layer 1): unknown activation 'swish'"),
                Arguments.of("unknown loss", good.replace("half_mse", "hinge"), "unknown loss 'hinge'"),
                Arguments.of("units as text", good.replace("\"units\": 2", "\"units\": \"two\""), "\"units\" must be a whole number"),
                Arguments.of("huge layer", good.replace("\"units\": 2", "\"units\": 1000000000"), "\"units\" must be a whole number from 1 to 4096"),
                Arguments.of("W shape", tenUnits, "layer 1: W row 1 has 2 entries, expected 3"),
                Arguments.of("W rows", good.replace("[[2.0], [-0.75]]", "[[2.0]]"), "layer 2: W has 1 rows, expected 2"),
                Arguments.of("not a number", good.replace("-1.25", "\"abc\""), "layer 1: W row 1, entry 2: \"abc\" is not a number"),
                Arguments.of("NaN literal", good.replace("-1.25", "NaN"), "not valid JSON"),
                Arguments.of("overflow", good.replace("-1.25", "1e999"), "too large for a double"),
                Arguments.of("missing bias", good.replace(", \"b\": [0.1, 0.0]", ""), "layer 1: b is missing"),
                Arguments.of("bias on no-bias layer", good.replace("\"b\": null", "\"b\": [1.0]"), "declared without bias"),
                Arguments.of("missing network", good.replace("\"network\"", "\"net\""), "\"network\" must be an object but is missing"),
                Arguments.of("parameter count", good.replace("{\"W\": [[2.0], [-0.75]], \"b\": null}", "").replace("0.0]},", "0.0]}"),
                        "\"parameters\" has 1 entries but the network has 2 layers"),
                Arguments.of("too many parameters", good.replace("\"units\": 2, \"activation\": \"tanh\"}",
                        "\"units\": 4096, \"activation\": \"tanh\"}, {\"units\": 4096, \"activation\": \"tanh\"}"),
                        "more than the 8000000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedFilesGiveATypedErrorNamingTheProblem(String name, String json, String message) {
        assertThatThrownBy(() -> WeightsJson.parse(json)).isInstanceOf(ImportException.class)
                .hasMessageContaining(message);
    }

    @Test
    void fileProblemsAreImportErrorsToo() throws IOException {
        assertThatThrownBy(() -> WeightsJson.read(dir.resolve("missing.json"))).isInstanceOf(ImportException.class)
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> WeightsJson.read(dir)).isInstanceOf(ImportException.class)
                .hasMessageContaining("is a directory");
        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> WeightsJson.read(binary)).isInstanceOf(ImportException.class);
    }

    @Test
    void aNetworkWithNaNWeightsIsNotWritten() throws IOException {
        Network net = randomNetwork(3);
        net.layers().get(1).weights().data[0] = Double.NaN;
        Path file = dir.resolve("nan.weights.json");
        Files.writeString(file, "old");
        assertThatThrownBy(() -> WeightsJson.write(file, WeightsFile.of(net, LossKind.MSE, null)))
                .hasMessageContaining("layer 2 W holds NaN");
        assertThat(Files.readString(file)).isEqualTo("old");
    }
}

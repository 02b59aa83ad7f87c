package org.backpropstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.Initializer;
import org.backpropstudio.engine.LayerSpec;
import org.backpropstudio.engine.LossKind;
import org.backpropstudio.engine.Network;
import org.backpropstudio.engine.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files nobody should open, opened: each is refused with a typed error that says why, quickly and
 * before anything large is allocated.
 */
class HostileFilesTest {

    @TempDir
    Path dir;

    private interface Reader {
        Object read(Path file) throws ImportException;
    }

    static Stream<Arguments> readers() {
        return Stream.of(Arguments.of("weights", (Reader) WeightsJson::read, WeightsJson.MAX_FILE_BYTES),
                Arguments.of("experiment", (Reader) ExperimentJson::read, WeightsJson.MAX_FILE_BYTES + TextFiles.MAX_BYTES),
                Arguments.of("csv", (Reader) CsvFiles::readData, TextFiles.MAX_BYTES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void aFileOverItsFormatsLimitIsRefusedBeforeReading(String kind, Reader reader, long limit) throws IOException {
        Path big = dir.resolve("big." + kind);
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(limit + 1); // sparse: nothing is written
        }
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        assertThatThrownBy(() -> reader.read(big)).isInstanceOf(ImportException.class)
                .hasMessageContaining("larger than " + (limit >> 20) + " MiB");
        assertThat(System.nanoTime() - start).as("ns").isLessThan(1_000_000_000L);
        assertThat(usedHeap() - heapBefore).as("bytes allocated").isLessThan(32L << 20);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    static Stream<Arguments> hostileJson() throws IOException {
        String good = WeightsJsonTest.resource("hand-written.v1.weights.json");
        String layer = "{\"units\": 2, \"activation\": \"tanh\"}";
        return Stream.of(
                Arguments.of("nested 100 000 deep", "[".repeat(100_000) + "]".repeat(100_000), "nested more than 1000 levels deep"),
                Arguments.of("nested object", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000), "nested more than 1000 levels deep"),
                Arguments.of("a 5000-digit number", good.replace("-1.25", "1" + "0".repeat(5000)),
                        "a number written with more than 1000 characters"),
                Arguments.of("an enormous exponent", good.replace("-1.25", "1e999999999"), "too large for a double"),
                Arguments.of("minus infinity by overflow", good.replace("-1.25", "-1e999"), "too large for a double"),
                Arguments.of("NaN", good.replace("-1.25", "NaN"), "not valid JSON"),
                Arguments.of("Infinity", good.replace("-1.25", "Infinity"), "not valid JSON"),
                Arguments.of("-Infinity", good.replace("-1.25", "-Infinity"), "not valid JSON"),
                Arguments.of("65 layers", good.replace(layer, (layer + ", ").repeat(64) + layer), "1 to 64 layers"),
                Arguments.of("4097 units", good.replace("\"units\": 2", "\"units\": 4097"), "from 1 to 4096"),
                Arguments.of("units beyond int", good.replace("\"units\": 2", "\"units\": 99999999999999999999"),
                        "whole number"),
                Arguments.of("9 million parameters", good.replace(layer, "{\"units\": 3000, \"activation\": \"tanh\"}, "
                        + "{\"units\": 3000, \"activation\": \"tanh\"}"), "more than the 8000000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileJson")
    void hostileJsonIsRefusedWithItsReason(String name, String json, String reason) throws IOException {
        Path file = dir.resolve("hostile.weights.json");
        Files.writeString(file, json);
        long start = System.nanoTime();
        assertThatThrownBy(() -> WeightsJson.read(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining(reason);
        assertThat(System.nanoTime() - start).as("ns").isLessThan(2_000_000_000L);
        // the experiment reader shares the JSON reading: the same file is refused there too
        assertThatThrownBy(() -> ExperimentJson.read(file)).isInstanceOf(ImportException.class);
    }

    @Test
    void hostileCsvIsRefusedWithTheLine() throws IOException {
        Path file = dir.resolve("hostile.csv");
        Files.writeString(file, "x,y\n1,2\n1e400,3\n");
        assertThatThrownBy(() -> CsvFiles.readData(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining("line 3: x is 1e400, beyond the largest double");
        Files.writeString(file, "x,y\n1," + "9".repeat(100_000) + "\n");
        assertThatThrownBy(() -> CsvFiles.readData(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining("line 2: y is 99999999999999999999… (100000 characters), beyond");
        Files.writeString(file, "x,y\n" + "1,2,".repeat(1000) + "\n");
        assertThatThrownBy(() -> CsvFiles.readData(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining("line 2: expected 2 values");
    }

    /** Reading a FIFO would wait for a writer forever: it is refused before it is opened. */
    @Test
    void aFifoGivenAsInputIsRefusedAtOnceNotWaitedOn() throws Exception {
        Path fifo = AtomicFilesTest.fifo(dir.resolve("pipe"));
        for (Reader reader : new Reader[] {WeightsJson::read, ExperimentJson::read, CsvFiles::readData}) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () ->
                    assertThatThrownBy(() -> reader.read(fifo)).isInstanceOf(ImportException.class)
                            .hasMessageContaining("not a regular file"));
        }
    }

    static Stream<Arguments> lenientJson() throws IOException {
        String good = WeightsJsonTest.resource("hand-written.v1.weights.json");
        return Stream.of(
                Arguments.of("garbage after the object", good + "garbage", "more text after the end of the JSON value"),
                Arguments.of("two objects back to back", good + good, "more text after the end of the JSON value"),
                Arguments.of("a duplicate key", good.replaceFirst("\"version\": 1,", "\"version\": 1, \"version\": 1,"),
                        "the key \"version\" appears twice in one object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientJson")
    void jsonIsReadStrictlyOneObjectNoDuplicateKeys(String name, String json, String reason) throws IOException {
        Path file = dir.resolve("lenient.weights.json");
        Files.writeString(file, json);
        assertThatThrownBy(() -> WeightsJson.read(file)).isInstanceOf(ImportException.class).hasMessageContaining(reason);
        assertThatThrownBy(() -> ExperimentJson.read(file)).isInstanceOf(ImportException.class).hasMessageContaining(reason);
    }

    static Stream<Arguments> parserWords() throws IOException {
        String good = WeightsJsonTest.resource("hand-written.v1.weights.json");
        return Stream.of(
                Arguments.of("NaN literal", good.replace("-1.25", "NaN"), "NaN and Infinity are not JSON numbers"),
                Arguments.of("NUL in a name", good.replace("\"format\"", "\"for\u0000mat\""), "a control character"),
                Arguments.of("a stray character", good.replace("\"version\": 1,", "\"version\": 1;"), "unexpected character ';'"),
                Arguments.of("cut short", good.substring(0, good.length() / 2), "the text ends before the JSON does"),
                Arguments.of("a 999-digit unit count", good.replace("\"units\": 2", "\"units\": " + "9".repeat(999)),
                        "found 99999999999999999999… (999 characters)"),
                Arguments.of("a 100 000-letter activation", good.replace("\"tanh\"", "\"" + "x".repeat(100_000) + "\""),
                        "unknown activation 'xxxxxxxxxxxxxxxxxxxx… (100000 characters)'"));
    }

    /** The parser's own wording (its class and feature names, raw character codes) never reaches the user. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("parserWords")
    void messagesAreOurWordsNotTheParsers(String name, String json, String reason) throws IOException {
        Path file = dir.resolve("words.weights.json");
        Files.writeString(file, json);
        assertThatThrownBy(() -> WeightsJson.read(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("JsonReadFeature", "StreamReadConstraints",
                        "CTRL-CHAR", "code 0", "ALLOW_", "Jackson").hasSizeLessThan(300));
    }

    @Test
    void aByteOrderMarkIsSkippedInEveryReader() throws Exception {
        String good = WeightsJsonTest.resource("hand-written.v1.weights.json");
        Path file = dir.resolve("bom.weights.json");
        Files.writeString(file, "\uFEFF" + good);
        assertThat(WeightsJson.read(file).network().toString()).isEqualTo(WeightsJson.parse(good).network().toString());
        Path csv = dir.resolve("bom.csv");
        Files.writeString(csv, "\uFEFFx,y\n1,2\n");
        assertThat(CsvFiles.readData(csv).size()).isEqualTo(1);
    }

    /**
     * Whatever the app writes, it reads: a 1-1700-1700-1 network whose every weight takes the
     * longest text a double has is a 75 MB file, beyond the 64 MiB the readers once shared.
     */
    @Test
    void aLargeNetworkThatWasWrittenReadsBack() throws Exception {
        NetworkSpec spec = new NetworkSpec(1, List.of(new LayerSpec(1700, Activation.TANH, true),
                new LayerSpec(1700, Activation.TANH, true), new LayerSpec(1, Activation.IDENTITY, true)));
        Network network = Network.create(spec, new Initializer.Constant(-2.2250738585072014E-308),
                new Initializer.Constant(-2.2250738585072014E-308), new java.util.SplittableRandom(1));
        Path file = dir.resolve("large.weights.json");
        WeightsJson.write(file, WeightsFile.of(network, LossKind.HALF_MSE, null));
        assertThat(Files.size(file)).isGreaterThan(TextFiles.MAX_BYTES);
        WeightsFile back = WeightsJson.read(file);
        assertThat(back.weights().get(1)[1699][1699]).isEqualTo(-2.2250738585072014E-308);
    }
}

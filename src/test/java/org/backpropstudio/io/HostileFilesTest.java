package org.backpropstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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
        return Stream.of(Arguments.of("weights", (Reader) WeightsJson::read),
                Arguments.of("experiment", (Reader) ExperimentJson::read),
                Arguments.of("csv", (Reader) CsvFiles::readData));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void aFileOverSixtyFourMebibytesIsRefusedBeforeReading(String kind, Reader reader) throws IOException {
        Path big = dir.resolve("big." + kind);
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(TextFiles.MAX_BYTES + 1); // sparse: nothing is written
        }
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        assertThatThrownBy(() -> reader.read(big)).isInstanceOf(ImportException.class)
                .hasMessageContaining("larger than 64 MiB");
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
                Arguments.of("nested 100 000 deep", "[".repeat(100_000) + "]".repeat(100_000), "nesting depth"),
                Arguments.of("nested object", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000), "nesting depth"),
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
}

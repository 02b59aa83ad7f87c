package org.backpropstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backpropstudio.engine.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvFilesTest {

    @TempDir
    Path dir;

    @Test
    void dataRoundTripsExactly() throws Exception {
        double[] xs = {-6.283185307179586, 0.1 + 0.2, Double.MIN_VALUE, 1e300, -0.0};
        double[] ys = {Math.sin(-6.283185307179586), 1.0 / 3, -1e-300, 42, 7};
        Path file = dir.resolve("data.csv");
        CsvFiles.writeData(file, Dataset.of(xs, ys));
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("x,y");
        Dataset back = CsvFiles.readData(file);
        assertThat(back.xColumn()).containsExactly(xs);
        assertThat(back.yColumn()).containsExactly(ys);
    }

    @Test
    void historyHasItsHeaderAndFullPrecision() {
        assertThat(CsvFiles.HISTORY_HEADER).isEqualTo("epoch,train_loss,test_loss");
        assertThat(CsvFiles.historyRow(1, 0.1 + 0.2, 1.0 / 3)).isEqualTo("1,0.30000000000000004,0.3333333333333333");
        assertThat(CsvFiles.historyRow(2, 0.125, Double.NaN)).isEqualTo("2,0.125,NaN");
    }

    @Test
    void xColumnIsFoundByName() throws Exception {
        Path file = dir.resolve("pred.csv");
        Files.writeString(file, "prediction,x\n0.5,1.5\n0.25,-2\n\n");
        assertThat(CsvFiles.readXColumn(file)).containsExactly(1.5, -2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "empty||is empty",
            "wrong header|a,b\\n1,2\\n|expected the header 'x,y', found 'a,b'",
            "no samples|x,y\\n\\n|no samples after the header",
            "not a number|x,y\\n1,2\\n3,abc\\n|line 3: y is 'abc', not a number",
            "missing value|x,y\\n1,2\\n3\\n|line 3: expected 2 values (x,y), found 1",
            "NaN|x,y\\nNaN,1\\n|line 2: x is NaN; only finite numbers are allowed",
            "infinite|x,y\\n1,Infinity\\n|line 2: y is Infinity; only finite numbers are allowed"})
    void badFilesNameTheLineAndTheProblem(String name, String content, String message) throws IOException {
        Path file = dir.resolve(name.replace(' ', '-') + ".csv");
        Files.writeString(file, content == null ? "" : content.replace("\\n", "\n"));
        assertThatThrownBy(() -> CsvFiles.readData(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theReasonComesInTheLanguageShowing() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "x,y\n1,2\n3,abc\n");
        java.util.Locale before = org.backpropstudio.i18n.Messages.locale();
        try {
            org.backpropstudio.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
            assertThatThrownBy(() -> CsvFiles.readData(file)).isInstanceOf(ImportException.class)
                    .hasMessage(file + "，第 3 行：y 是“abc”，不是数字");
        } finally {
            org.backpropstudio.i18n.Messages.setLocale(before);
        }
        assertThatThrownBy(() -> CsvFiles.readData(file)).hasMessage(file + ", line 3: y is 'abc', not a number");
    }

    /** Java's parser takes 1d, 1f, hexadecimal and surrounding control characters; a CSV cell does not. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1d", "1f", "0x1p3", "1.5D", "0X10P0", "1e", ".", "+", "1..2", "١"})
    void cellsTakePlainDecimalAndScientificNumbersOnly(String cell) {
        assertThatThrownBy(() -> CsvFiles.parseData("t.csv", "x,y\n1," + cell + "\n")).isInstanceOf(ImportException.class)
                .hasMessageContaining("line 2: y is '" + cell + "', not a number");
    }

    @Test
    void plainDecimalAndScientificFormsAreRead() throws ImportException {
        Dataset d = CsvFiles.parseData("t.csv", "x,y\n-0.5,.25\n+3,1e-5\n2.,-1.5E+3\n");
        assertThat(d.xColumn()).containsExactly(-0.5, 3, 2);
        assertThat(d.yColumn()).containsExactly(0.25, 1e-5, -1500);
    }

    @Test
    void aClassifiersSamplesRoundTripAsX1ToXnAndALabel() throws Exception {
        org.backpropstudio.engine.Dataset d = org.backpropstudio.engine.Dataset.labelled(
                new double[][] {{0.1, -2.5e-7, 3}, {1e300, 0, -0.0}}, new int[] {4, 0}, 5);
        Path file = dir.resolve("c.csv");
        CsvFiles.writeLabelled(file, d);
        assertThat(java.nio.file.Files.readAllLines(file).get(0)).isEqualTo("x1,x2,x3,label");
        assertThat(CsvFiles.isLabelled(file)).isTrue();
        org.backpropstudio.engine.Dataset back = CsvFiles.readLabelled(file, 5);
        assertThat(back.x().data).containsExactly(d.x().data);
        assertThat(back.y().data).containsExactly(d.y().data);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvFiles.parseLabelled("f", "x1,y,label\n1,2,0\n", 2))
                .hasMessageContaining("expected the header 'x1,x2,…,xn,label', found 'x1,y,label'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvFiles.parseLabelled("f", "x1,label\n1,1.0\n", 2))
                .hasMessageContaining("f, line 2: the label is '1.0', not a class from 0 to 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvFiles.parseLabelled("f", "x1,label\nabc,1\n", 2))
                .hasMessageContaining("f, line 2: x1 is 'abc', not a number");
    }
}

package org.backpropstudio.io;

import static org.backpropstudio.i18n.Messages.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.LossHistory;

/**
 * The CSV files: data ({@code x,y}), history ({@code epoch,train_loss,test_loss}) and predictions
 * ({@code x,prediction}). Numbers are written in Java's shortest round-trip form, so they read
 * back to the identical double.
 */
public final class CsvFiles {

    private CsvFiles() {
    }

    /**
     * Reads a data file: a header {@code x,y}, then one sample per line. Blank lines are skipped.
     *
     * @throws ImportException naming the line and the problem
     */
    public static Dataset readData(Path file) throws ImportException {
        return data(file.toString(), readLines(file));
    }

    /**
     * Parses the text of a data file.
     *
     * @param name how the messages name the source
     * @throws ImportException naming the line and the problem
     */
    public static Dataset parseData(String name, String text) throws ImportException {
        return data(name, text.lines().toList());
    }

    private static Dataset data(String file, List<String> lines) throws ImportException {
        List<double[]> rows = columns(file, lines, "x", "y");
        double[] xs = new double[rows.size()];
        double[] ys = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            xs[i] = rows.get(i)[0];
            ys[i] = rows.get(i)[1];
        }
        return Dataset.of(xs, ys);
    }

    /**
     * Reads the {@code x} column of a file whose header has a column {@code x} (a data or
     * predictions file, or a single column).
     */
    public static double[] readXColumn(Path file) throws ImportException {
        List<String> lines = readLines(file);
        String[] header = header(file, lines);
        int col = -1;
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().equals("x")) {
                col = i;
            }
        }
        if (col < 0) {
            throw new ImportException(text("csv.noXColumn", file, lines.get(0).trim()));
        }
        List<Double> xs = new ArrayList<>();
        for (int line = 1; line < lines.size(); line++) {
            String text = lines.get(line);
            if (text.isBlank()) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (cells.length != header.length) {
                throw new ImportException(text("csv.valueCount", file, line + 1, header.length, cells.length));
            }
            xs.add(number(file, line + 1, "x", cells[col]));
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<double[]> columns(String file, List<String> lines, String... columns) throws ImportException {
        String[] header = header(file, lines);
        boolean expected = header.length == columns.length;
        for (int i = 0; expected && i < columns.length; i++) {
            expected = header[i].trim().equals(columns[i]);
        }
        if (!expected) {
            throw new ImportException(text("csv.header", file, String.join(",", columns), lines.get(0).trim()));
        }
        List<double[]> rows = new ArrayList<>();
        for (int line = 1; line < lines.size(); line++) {
            String text = lines.get(line);
            if (text.isBlank()) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (cells.length != columns.length) {
                throw new ImportException(text("csv.valueCountNamed", file, line + 1, columns.length,
                        String.join(",", columns), cells.length));
            }
            double[] row = new double[columns.length];
            for (int i = 0; i < columns.length; i++) {
                row[i] = number(file, line + 1, columns[i], cells[i]);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new ImportException(text("csv.noSamples", file));
        }
        return rows;
    }

    private static String[] header(Object file, List<String> lines) throws ImportException {
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new ImportException(text("csv.empty", file));
        }
        String first = lines.get(0);
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        return first.split(",", -1);
    }

    private static double number(Object file, int line, String column, String cell) throws ImportException {
        String t = cell.trim();
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new ImportException(text("csv.notANumber", file, line, column, shorten(t)));
        }
        if (!Double.isFinite(v)) {
            boolean named = Double.isNaN(v) || t.toLowerCase(java.util.Locale.ROOT).contains("inf"); // NaN, Infinity
            throw new ImportException(text(named ? "csv.notFinite" : "csv.tooLarge", file, line, column, shorten(t)));
        }
        return v;
    }

    /** A cell as quoted in a message: at most 24 characters. */
    private static String shorten(String cell) {
        return cell.length() <= 24 ? cell : cell.substring(0, 20) + "… (" + cell.length() + " characters)";
    }

    private static List<String> readLines(Path file) throws ImportException {
        return TextFiles.read(file, "textFile.csv").lines().toList();
    }

    /** Writes {@code x,y} rows atomically. */
    public static void writeData(Path file, Dataset data) throws IOException {
        writeTwoColumns(file, "x,y", data.xColumn(), data.yColumn());
    }

    /** Writes {@code x,prediction} rows atomically. */
    public static void writePredictions(Path file, double[] xs, double[] predictions) throws IOException {
        writeTwoColumns(file, "x,prediction", xs, predictions);
    }

    private static void writeTwoColumns(Path file, String header, double[] a, double[] b) throws IOException {
        StringBuilder s = new StringBuilder(header).append('\n');
        for (int i = 0; i < a.length; i++) {
            s.append(a[i]).append(',').append(b[i]).append('\n');
        }
        AtomicFiles.writeString(file, s.toString());
    }

    /**
     * Writes every parameter as a table row, {@code parameter,row,column,value}: W1 row i column j
     * is the weight from input i to unit j; a bias has row 0. Atomically.
     */
    public static void writeParameters(Path file, WeightsFile w) throws IOException {
        StringBuilder s = new StringBuilder("parameter,row,column,value\n");
        for (int k = 0; k < w.weights().size(); k++) {
            double[][] rows = w.weights().get(k);
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < rows[i].length; j++) {
                    s.append('W').append(k + 1).append(',').append(i).append(',').append(j).append(',')
                            .append(rows[i][j]).append('\n');
                }
            }
            double[] b = w.biases().get(k);
            for (int j = 0; b != null && j < b.length; j++) {
                s.append('b').append(k + 1).append(",0,").append(j).append(',').append(b[j]).append('\n');
            }
        }
        AtomicFiles.writeString(file, s.toString());
    }

    /** Writes {@code epoch,train_loss,test_loss}, epochs from 1, atomically. */
    public static void writeHistory(Path file, LossHistory history) throws IOException {
        AtomicFiles.writeString(file, historyText(history));
    }

    /** The history file's text. */
    public static String historyText(LossHistory history) {
        StringBuilder s = new StringBuilder("epoch,train_loss,test_loss\n");
        for (int i = 0; i < history.size(); i++) {
            s.append(i + 1).append(',').append(history.trainLoss(i)).append(',').append(history.testLoss(i)).append('\n');
        }
        return s.toString();
    }
}

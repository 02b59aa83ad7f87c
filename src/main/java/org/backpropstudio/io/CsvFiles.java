package org.backpropstudio.io;

import static org.backpropstudio.i18n.Messages.excerpt;
import static org.backpropstudio.i18n.Messages.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.Numbers;

/**
 * The CSV files: data ({@code x,y}), history rows ({@code epoch,train_loss,test_loss}, which the
 * command line writes as it trains) and predictions
 * ({@code x,prediction}). Numbers are written in Java's shortest round-trip form, so they read
 * back to the identical double.
 */
public final class CsvFiles {

    /** The header of a predictions file. */
    public static final String PREDICTIONS_HEADER = "x,prediction";
    /** The longest text of a double as written here ({@code -2.2250738585072014E-308}). */
    static final int NUMBER_CHARS = 24;
    /**
     * The most rows a predictions file may have: with two numbers of {@link #NUMBER_CHARS}, a comma
     * and a line end per row, more would pass the size the CSV reader takes ({@link TextFiles#MAX_BYTES}),
     * so a file written here could not be read back as {@code --x-file}.
     */
    public static final int MAX_PREDICTION_ROWS = (int) ((TextFiles.MAX_BYTES - PREDICTIONS_HEADER.length() - 1)
            / (2 * NUMBER_CHARS + 2));

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
        return data(name, text.lines().iterator());
    }

    private static Dataset data(String file, Iterator<String> lines) throws ImportException {
        String[] columns = {"x", "y"};
        String header = header(file, lines);
        String[] cells = header.split(",", -1);
        boolean expected = cells.length == columns.length;
        for (int i = 0; expected && i < columns.length; i++) {
            expected = cells[i].trim().equals(columns[i]);
        }
        if (!expected) {
            throw new ImportException(text("csv.header", file, String.join(",", columns), header.trim()));
        }
        Columns values = new Columns(2);
        for (int line = 2; lines.hasNext(); line++) {
            String row = lines.next();
            if (row.isBlank()) {
                continue;
            }
            String[] rowCells = row.split(",", -1);
            if (rowCells.length != columns.length) {
                throw new ImportException(text("csv.valueCountNamed", file, line, columns.length,
                        String.join(",", columns), rowCells.length));
            }
            values.add(number(file, line, columns[0], rowCells[0]), number(file, line, columns[1], rowCells[1]));
        }
        if (values.size == 0) {
            throw new ImportException(text("csv.noSamples", file));
        }
        return Dataset.of(values.column(0), values.column(1));
    }

    /**
     * Reads a classifier's data file: a header {@code x1,x2,…,xn,label}, then one sample per line,
     * n numbers and a class from 0 to {@code classes} − 1. Blank lines are skipped.
     *
     * @return inputs (rows × n) and one-hot targets (rows × classes)
     * @throws ImportException naming the line and the problem
     */
    public static Dataset readLabelled(Path file, int classes) throws ImportException {
        return labelled(file.toString(), readLines(file), classes);
    }

    /** Parses the text of a classifier's data file (see {@link #readLabelled}). */
    public static Dataset parseLabelled(String name, String text, int classes) throws ImportException {
        return labelled(name, text.lines().iterator(), classes);
    }

    /**
     * Reads the inputs of a classifier's file: the columns {@code x1 … xn} in order (any other
     * column, such as {@code label}, is left out).
     *
     * @return one row of n inputs per sample
     */
    public static double[][] readInputs(Path file) throws ImportException {
        Iterator<String> lines = readLines(file);
        String header = header(file, lines);
        String[] names = header.split(",", -1);
        java.util.List<Integer> at = new java.util.ArrayList<>();
        for (int i = 1; ; i++) {
            int col = java.util.Arrays.asList(names).stream().map(String::trim).toList().indexOf("x" + i);
            if (col < 0) {
                break;
            }
            at.add(col);
        }
        if (at.isEmpty()) {
            throw new ImportException(text("csv.header", file, "x1,x2,…,xn", excerpt(header.trim())));
        }
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (int line = 2; lines.hasNext(); line++) {
            String row = lines.next();
            if (row.isBlank()) {
                continue;
            }
            String[] cells = row.split(",", -1);
            if (cells.length != names.length) {
                throw new ImportException(text("csv.valueCount", file, line, names.length, cells.length));
            }
            double[] x = new double[at.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = number(file, line, "x" + (i + 1), cells[at.get(i)]);
            }
            rows.add(x);
        }
        if (rows.isEmpty()) {
            throw new ImportException(text("csv.noSamples", file));
        }
        return rows.toArray(new double[0][]);
    }

    /** True when a data file's header is a classifier's ({@code x1,…,xn,label}). */
    public static boolean isLabelled(Path file) throws ImportException {
        String header = header(file, readLines(file)).trim();
        return header.endsWith(",label") || header.equals("label");
    }

    private static Dataset labelled(String file, Iterator<String> lines, int classes) throws ImportException {
        String header = header(file, lines);
        String[] names = header.split(",", -1);
        int n = names.length - 1;
        boolean expected = n >= 1 && names[n].trim().equals("label");
        for (int i = 0; expected && i < n; i++) {
            expected = names[i].trim().equals("x" + (i + 1));
        }
        if (!expected) {
            throw new ImportException(text("csv.header", file, "x1,x2,…,xn,label", excerpt(header.trim())));
        }
        double[] inputs = new double[64 * n];
        int[] labels = new int[64];
        int rows = 0;
        for (int line = 2; lines.hasNext(); line++) {
            String row = lines.next();
            if (row.isBlank()) {
                continue;
            }
            String[] cells = row.split(",", -1);
            if (cells.length != n + 1) {
                throw new ImportException(text("csv.valueCount", file, line, n + 1, cells.length));
            }
            if (rows == labels.length) {
                labels = Arrays.copyOf(labels, rows * 2);
                inputs = Arrays.copyOf(inputs, rows * 2 * n);
            }
            for (int i = 0; i < n; i++) {
                inputs[rows * n + i] = number(file, line, names[i].trim(), cells[i]);
            }
            String label = cells[n].trim();
            int c;
            try {
                c = label.matches("[0-9]{1,2}") ? Integer.parseInt(label) : -1;
            } catch (NumberFormatException e) {
                c = -1;
            }
            if (c < 0 || c >= classes) {
                throw new ImportException(text("csv.badLabel", file, line, excerpt(label), classes - 1));
            }
            labels[rows++] = c;
        }
        if (rows == 0) {
            throw new ImportException(text("csv.noSamples", file));
        }
        double[][] x = new double[rows][];
        for (int r = 0; r < rows; r++) {
            x[r] = Arrays.copyOfRange(inputs, r * n, r * n + n);
        }
        return Dataset.labelled(x, Arrays.copyOf(labels, rows), classes);
    }

    /** Writes a classifier's samples as {@code x1,…,xn,label} rows, atomically. */
    public static void writeLabelled(Path file, Dataset data) throws IOException {
        AtomicFiles.writeString(file, labelledText(data));
    }

    /** A classifier's samples as the text of a data file: the header {@code x1,…,xn,label}, a row each. */
    public static String labelledText(Dataset data) {
        int n = data.x().numCols;
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            out.append('x').append(i).append(',');
        }
        out.append("label\n");
        for (int r = 0; r < data.size(); r++) {
            for (int i = 0; i < n; i++) {
                out.append(data.x().get(r, i)).append(',');
            }
            out.append(data.label(r)).append('\n');
        }
        return out.toString();
    }

    /**
     * Reads the {@code x} column of a file whose header has a column {@code x} (a data or
     * predictions file, or a single column).
     */
    public static double[] readXColumn(Path file) throws ImportException {
        Iterator<String> lines = readLines(file);
        String header = header(file, lines);
        String[] names = header.split(",", -1);
        int col = -1;
        for (int i = 0; i < names.length; i++) {
            if (names[i].trim().equals("x")) {
                col = i;
            }
        }
        if (col < 0) {
            throw new ImportException(text("csv.noXColumn", file, header.trim()));
        }
        Columns xs = new Columns(1);
        for (int line = 2; lines.hasNext(); line++) {
            String row = lines.next();
            if (row.isBlank()) {
                continue;
            }
            String[] cells = row.split(",", -1);
            if (cells.length != names.length) {
                throw new ImportException(text("csv.valueCount", file, line, names.length, cells.length));
            }
            xs.add(number(file, line, "x", cells[col]));
        }
        return xs.column(0);
    }

    /**
     * The columns of the rows read so far, in primitive arrays that double as they fill: a file of
     * 10⁷ rows costs 8 bytes a value, not a list of boxed rows (and the lines are never all kept).
     */
    private static final class Columns {
        private final double[][] values;
        private int size;

        Columns(int count) {
            values = new double[count][64];
        }

        void add(double... row) {
            if (size == values[0].length) {
                for (int c = 0; c < values.length; c++) {
                    values[c] = Arrays.copyOf(values[c], size * 2);
                }
            }
            for (int c = 0; c < values.length; c++) {
                values[c][size] = row[c];
            }
            size++;
        }

        double[] column(int c) {
            return Arrays.copyOf(values[c], size);
        }
    }

    /** The header line without a byte-order mark; the iterator is then at the first row. */
    private static String header(Object file, Iterator<String> lines) throws ImportException {
        String first = lines.hasNext() ? lines.next() : "";
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        if (first.isBlank()) {
            throw new ImportException(text("csv.empty", file));
        }
        return first;
    }

    private static double number(Object file, int line, String column, String cell) throws ImportException {
        String t = cell.trim();
        double v;
        try {
            v = Numbers.parseDecimal(t);
        } catch (NumberFormatException e) {
            String word = t.toLowerCase(Locale.ROOT).replace("+", "").replace("-", "");
            boolean named = word.equals("nan") || word.equals("infinity") || word.equals("inf");
            throw new ImportException(text(named ? "csv.notFinite" : "csv.notANumber", file, line, column, excerpt(t)));
        }
        if (!Double.isFinite(v)) {
            throw new ImportException(text("csv.tooLarge", file, line, column, excerpt(t)));
        }
        return v;
    }

    private static Iterator<String> readLines(Path file) throws ImportException {
        return TextFiles.read(file, "textFile.csv").lines().iterator();
    }

    /** Writes {@code x,y} rows atomically. */
    public static void writeData(Path file, Dataset data) throws IOException {
        writeTwoColumns(file, "x,y", data.xColumn(), data.yColumn());
    }

    /** Writes {@code x,prediction} rows atomically. */
    public static void writePredictions(Path file, double[] xs, double[] predictions) throws IOException {
        writeTwoColumns(file, PREDICTIONS_HEADER, xs, predictions);
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

    /** The header of a history file. */
    public static final String HISTORY_HEADER = "epoch,train_loss,test_loss";

    /** One row of a history file, without its line end. */
    public static String historyRow(int epoch, double trainLoss, double testLoss) {
        return epoch + "," + trainLoss + "," + testLoss;
    }

    /** The header of a classifier's history: the losses and the accuracies (shares from 0 to 1). */
    public static final String CLASSIFIER_HISTORY_HEADER = "epoch,train_loss,test_loss,train_accuracy,test_accuracy";

    /** One row of a classifier's history, without its line end. */
    public static String historyRow(int epoch, double trainLoss, double testLoss, double trainAccuracy,
                                    double testAccuracy) {
        return historyRow(epoch, trainLoss, testLoss) + "," + trainAccuracy + "," + testAccuracy;
    }
}

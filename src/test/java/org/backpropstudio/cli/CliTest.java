package org.backpropstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backpropstudio.io.CsvFiles;
import org.backpropstudio.io.WeightsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CliTest {

    @TempDir
    Path dir;

    /** The exit code and what was printed. */
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void trainWritesHistoryAndWeightsAndASummary() throws Exception {
        Run r = run("train", "--epochs", "40", "--history", p("h.csv"), "--weights-out", p("w.weights.json"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("classic-sigmoid  1 → 10 σ → 10 σ → 1  40 epochs in").contains("train loss");
        List<String> lines = Files.readAllLines(dir.resolve("h.csv"));
        assertThat(lines).hasSize(41);
        assertThat(lines.get(0)).isEqualTo("epoch,train_loss,test_loss");
        assertThat(WeightsJson.read(dir.resolve("w.weights.json")).training().epoch()).isEqualTo(40);
    }

    /**
     * The digit tutorial ends after its 5 000 steps, in the middle of an epoch if need be; more
     * epochs than that stop there, as the studio does, with a note (it was an internal error). One
     * sample a step makes the 5 000 steps quick: they end in the first epoch of 7 200.
     */
    @Test
    void epochsPastAPresetsStepLimitStopAtItWithANote() throws Exception {
        Run r = run("train", "--preset", "digits-softmax", "--batch-size", "1", "--epochs", "3", "--history", p("d.csv"),
                "--weights-out", p("d.weights.json"), "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("digits-softmax  784 → 64 ReLU → 32 ReLU → 10  1 epochs in");
        assertThat(r.err().strip()).isEqualTo("note: digits-softmax ends after its 5000 steps, in epoch 1; "
                + "the run stopped there, short of the 3 epochs asked for.");
        assertThat(Files.readAllLines(dir.resolve("d.csv"))).hasSize(2);
        assertThat(WeightsJson.read(dir.resolve("d.weights.json")).training().epoch()).isEqualTo(1);
    }

    @Test
    void theDigitClassifierReportsItsAccuraciesAndTestsItsHeldOutDigitsAtTheEnd() throws Exception {
        Run r = run("train", "--preset", "digits-softmax", "--epochs", "2", "--history", p("d.csv"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("digits-softmax  784 → 64 ReLU → 32 ReLU → 10  2 epochs in")
                .containsPattern("train accuracy 0\\.\\d{4}  validation accuracy 0\\.\\d{4}  final test accuracy 0\\.\\d{4} "
                        + "\\(2000 held-out samples\\)");
        List<String> lines = Files.readAllLines(dir.resolve("d.csv"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("epoch,train_loss,test_loss,train_accuracy,test_accuracy");
        String[] row = lines.get(2).split(",");
        assertThat(row).hasSize(5);
        assertThat(Double.parseDouble(row[3])).isBetween(0.0, 1.0);
        // regression's history keeps its three columns
        assertThat(run("train", "--epochs", "2", "--history", p("r.csv")).exit()).isZero();
        assertThat(Files.readAllLines(dir.resolve("r.csv")).get(0)).isEqualTo("epoch,train_loss,test_loss");
    }

    @Test
    void aClassifierTrainsOnLabelledCsvWithAValidationShareAndTestsTheTestFileAtTheEnd() throws Exception {
        StringBuilder train = new StringBuilder("x1,x2,label\n");
        StringBuilder test = new StringBuilder("x1,x2,label\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            double a = r.nextDouble(-5, 5);
            double b = r.nextDouble(-5, 5);
            (i < 160 ? train : test).append(a).append(',').append(b).append(',').append(a * b > 0 ? 0 : 1).append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), train);
        Files.writeString(dir.resolve("test.csv"), test);
        Run r1 = run("train", "--preset", "xor-tanh", "--train-data", p("train.csv"), "--test-data", p("test.csv"),
                "--validation", "0.25", "--epochs", "5", "--history", p("h.csv"));
        assertThat(r1.exit()).as(r1.err()).isZero();
        assertThat(r1.out()).contains("validation accuracy").contains("final test accuracy").contains("(40 held-out samples)");
        Run r2 = run("train", "--preset", "xor-tanh", "--train-data", p("train.csv"), "--test-data", p("test.csv"),
                "--epochs", "5");
        assertThat(r2.out()).contains("  test accuracy").doesNotContain("final test accuracy");
        // the wrong kind of file, a bad label, options for another task: one line each
        Files.writeString(dir.resolve("xy.csv"), "x,y\n1,2\n");
        Run wrongKind = run("train", "--preset", "xor-tanh", "--train-data", p("xy.csv"));
        assertThat(wrongKind.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(wrongKind.err()).contains("a classifier needs a CSV with the header x1,x2,…,xn,label");
        Files.writeString(dir.resolve("bad.csv"), "x1,x2,label\n1,2,0\n3,4,2\n");
        Run badLabel = run("train", "--preset", "xor-tanh", "--train-data", p("bad.csv"));
        assertThat(badLabel.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(badLabel.err()).contains("bad.csv, line 3: the label is '2', not a class from 0 to 1");
        Run regression = run("train", "--train-labels", p("bad.csv"));
        assertThat(regression.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(regression.err()).contains("are for a classifier; the preset classic-sigmoid fits a curve");
        assertThat(run("train", "--preset", "xor-tanh", "--validation", "1.5").err())
                .contains("--validation must be a fraction between 0 and 1");
    }

    @Test
    void theDigitClassifierTrainsOnIdxFilesAsDownloaded() throws Exception {
        // 400 digits of the bundled set, written as plain IDX (the reader takes .gz as well)
        org.backpropstudio.io.BundledDigits.Sets digits = org.backpropstudio.io.BundledDigits.load();
        writeIdx(dir.resolve("images"), dir.resolve("labels"), digits.train(), 400);
        Run r = run("train", "--preset", "digits-softmax", "--train-data", p("images"), "--train-labels", p("labels"),
                "--validation", "0.1", "--epochs", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 epochs").contains("validation accuracy");
        Run noLabels = run("train", "--preset", "digits-softmax", "--train-data", p("images"));
        assertThat(noLabels.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(noLabels.err()).contains("images: IDX images need their labels: give --train-labels");
    }

    private static void writeIdx(Path images, Path labels, org.backpropstudio.engine.Dataset d, int n) throws Exception {
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(Files.newOutputStream(images))) {
            out.writeInt(0x803);
            out.writeInt(n);
            out.writeInt(28);
            out.writeInt(28);
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < 784; p++) {
                    out.write((int) Math.round(d.x().get(i, p) * 255));
                }
            }
        }
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(Files.newOutputStream(labels))) {
            out.writeInt(0x801);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.write(d.label(i));
            }
        }
    }

    @Test
    void aClassifierPredictsClassesAndTheirProbabilities() throws Exception {
        assertThat(run("train", "--preset", "xor-tanh", "--weights-out", p("c.weights.json")).exit()).isZero();
        Files.writeString(dir.resolve("pts.csv"), "x1,x2,label\n3,3,0\n-3,3,1\n");
        Run r = run("predict", "--weights", p("c.weights.json"), "--x-file", p("pts.csv"));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("label,p0,p1");
        assertThat(lines.get(1)).startsWith("0,");
        assertThat(lines.get(2)).startsWith("1,");
        String[] cells = lines.get(1).split(",");
        assertThat(Double.parseDouble(cells[1]) + Double.parseDouble(cells[2])).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-15));
        Run noRows = run("predict", "--weights", p("c.weights.json"));
        assertThat(noRows.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(noRows.err()).contains("a classifier predicts for the rows of --x-file");
        Files.writeString(dir.resolve("one.csv"), "x1\n3\n");
        assertThat(run("predict", "--weights", p("c.weights.json"), "--x-file", p("one.csv")).err())
                .contains("one.csv has 1 inputs a row, but").contains("takes 2");
        assertThat(PredictCommand.softmax(new double[] {1000, 1000, -1000}, 0, 3)).containsExactly(0.5, 0.5, 0.0);
    }

    @Test
    void samplingOrderShuffleOrReplacementIsChosenOnTheCommandLine() throws Exception {
        String[] h = new String[3];
        String[] how = {"order", "shuffle", "replacement"};
        for (int k = 0; k < 3; k++) {
            Run r = run("train", "--preset", "deep-momentum", "--epochs", "3", "--sampling", how[k], "--history",
                    p(how[k] + ".csv"));
            assertThat(r.exit()).as(r.err()).isZero();
            h[k] = Files.readString(dir.resolve(how[k] + ".csv"));
        }
        assertThat(h[0]).isNotEqualTo(h[1]).isNotEqualTo(h[2]);
        assertThat(h[1]).isNotEqualTo(h[2]);
        // the preset's own (shuffled) batches are what --sampling shuffle gives
        assertThat(run("train", "--preset", "deep-momentum", "--epochs", "3", "--history", p("own.csv")).exit()).isZero();
        assertThat(Files.readString(dir.resolve("own.csv"))).isEqualTo(h[1]);
        Run bad = run("train", "--sampling", "random");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--sampling").contains("order, shuffle, replacement");
    }

    @Test
    void existingOutputsAreOverwrittenOnlyWithForce() throws Exception {
        Files.writeString(dir.resolve("h.csv"), "precious");
        Run refused = run("train", "--epochs", "3", "--history", p("h.csv"));
        assertThat(refused.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(refused.err()).contains("h.csv exists; give --force to overwrite it");
        assertThat(Files.readString(dir.resolve("h.csv"))).isEqualTo("precious");
        assertThat(run("train", "--epochs", "3", "--history", p("h.csv"), "--force").exit()).isZero();
        assertThat(Files.readAllLines(dir.resolve("h.csv"))).hasSize(4);
    }

    @Test
    void sameInputsGiveByteIdenticalHistories() throws Exception {
        assertThat(run("train", "--epochs", "30", "--preset", "deep-momentum", "--history", p("a.csv")).exit()).isZero();
        assertThat(run("train", "--epochs", "30", "--preset", "deep-momentum", "--history", p("b.csv")).exit()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("a.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("b.csv")));
    }

    @Test
    void givenDataAndInitialWeightsAreUsed() throws Exception {
        assertThat(run("train", "--epochs", "0", "--weights-out", p("w0.weights.json")).exit()).isZero();
        Files.writeString(dir.resolve("train.csv"), "x,y\n0.5,0.479425538604203\n-1,-0.8414709848078965\n2,0.9092974268256817\n");
        Files.writeString(dir.resolve("test.csv"), "x,y\n1,0.8414709848078965\n");
        Run r = run("train", "--epochs", "3", "--train-data", p("train.csv"), "--test-data", p("test.csv"),
                "--init", p("w0.weights.json"), "--history", p("h.csv"));
        assertThat(r.exit()).as(r.err()).isZero();
        // epoch 1's train loss is the mean of three per-sample losses from the given initial weights
        assertThat(Files.readAllLines(dir.resolve("h.csv"))).hasSize(4);
        Run again = run("train", "--epochs", "3", "--train-data", p("train.csv"), "--test-data", p("test.csv"),
                "--init", p("w0.weights.json"), "--history", p("h2.csv"));
        assertThat(again.exit()).isZero();
        assertThat(Files.readString(dir.resolve("h2.csv"))).isEqualTo(Files.readString(dir.resolve("h.csv")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic-sigmoid", "relu-mae", "deep-momentum", "linear-neuron"})
    void gradcheckPassesForEveryPreset(String preset) {
        Run r = run("gradcheck", "--preset", preset);
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("layer  parameter").contains("W1").contains("passed: max relative error");
    }

    @Test
    void gradcheckFailsWhenTheStepIsTooCoarse() {
        // ε = 0.1 makes the central differences themselves inaccurate: the check must notice
        Run r = run("gradcheck", "--epsilon", "0.1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED");
    }

    @Test
    void predictWritesAGridOrTheGivenXs() throws Exception {
        assertThat(run("train", "--epochs", "5", "--weights-out", p("w.weights.json"), "-q").exit()).isZero();
        Run r = run("predict", "--weights", p("w.weights.json"), "--from", "-6.283", "--to", "6.283", "--points", "200",
                "--out", p("pred.csv"));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("pred.csv"));
        assertThat(lines).hasSize(201);
        assertThat(lines.get(0)).isEqualTo("x,prediction");
        assertThat(lines.get(1)).startsWith("-6.283,");
        assertThat(lines.get(200)).startsWith("6.283,");
        assertThat(CsvFiles.readXColumn(dir.resolve("pred.csv"))).hasSize(200);

        Files.writeString(dir.resolve("xs.csv"), "x\n0\n1.5\n");
        Run fromFile = run("predict", "--weights", p("w.weights.json"), "--x-file", p("xs.csv"));
        assertThat(fromFile.exit()).isZero();
        assertThat(fromFile.out().lines().toList()).hasSize(3).first().isEqualTo("x,prediction");
    }

    @Test
    void badInputGetsAMessageNotAStackTrace() throws Exception {
        Files.writeString(dir.resolve("bad.weights.json"), "{\"format\": \"backprop-studio.weights\", \"version\": 7}");
        Run bad = run("predict", "--weights", p("bad.weights.json"));
        assertThat(bad.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(bad.err()).isEqualTo("error: version 7 is not supported (this Backprop Studio reads version 1)\n");

        Run missing = run("train", "--train-data", p("nope.csv"));
        assertThat(missing.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(missing.err()).contains("no such file").doesNotContain("Exception").doesNotContain("\tat ");

        Run preset = run("train", "--preset", "xor");
        assertThat(preset.err()).contains("unknown preset 'xor'");

        Run lr = run("train", "--lr", "abc");
        assertThat(lr.exit()).isEqualTo(2);
        assertThat(lr.err()).contains("Invalid value for option '--learning-rate'").contains("'abc' is not a number");

        Run negative = run("train", "--lr", "-3");
        assertThat(negative.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(negative.err()).contains("learning rate must be a finite number ≥ 0, got -3.0");
    }

    @Test
    void aDivergingRunSaysWhyAndWritesNoWeights() {
        Run r = run("train", "--lr", "1e6", "--epochs", "100", "--weights-out", p("w.weights.json"), "--history", p("h.csv"));
        assertThat(r.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(r.err()).contains("training diverged at epoch").contains("learning rate 1000000.0 is too large")
                .contains("No weights were written");
        assertThat(dir.resolve("w.weights.json")).doesNotExist();
        assertThat(dir.resolve("h.csv")).exists();
    }

    @Test
    void exportWritesNumpyAndRefusesToOverwriteUnlessForced() throws Exception {
        assertThat(run("train", "--epochs", "5", "-q", "--weights-out", p("w.weights.json"), "--npz-out", p("t.npz")).exit())
                .isZero();
        Run r = run("export", "--weights", p("w.weights.json"), "--out", p("w.npz"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(org.backpropstudio.io.NpzFile.readArrays(dir.resolve("w.npz")).keySet())
                .containsExactly("W1", "b1", "W2", "b2", "W3", "b3");
        assertThat(Files.readAllBytes(dir.resolve("w.npz"))).isEqualTo(Files.readAllBytes(dir.resolve("t.npz")));
        Run again = run("export", "--weights", p("w.weights.json"), "--out", p("w.npz"));
        assertThat(again.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(again.err()).contains("exists; give --force to overwrite it");
        assertThat(run("export", "--weights", p("w.weights.json"), "--out", p("w.npz"), "--force").exit()).isZero();
        assertThat(run("export", "--weights", p("w.weights.json"), "--out", p("w.txt")).err())
                .contains("name it .npz, .weights.json or .csv");
        assertThat(run("export", "--weights", p("w.weights.json"), "--out", p("w.csv")).exit()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("w.csv"));
        assertThat(rows.get(0)).isEqualTo("parameter,row,column,value");
        assertThat(rows).hasSize(1 + 141);
        assertThat(rows.get(1)).startsWith("W1,0,0,");
    }

    @Test
    void benchReportsThroughputForAWorkload() {
        Run r = run("bench", "--workload", "W1", "--runs", "1", "--warmup", "0", "--warmup-seconds", "0");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("W1").contains("M sample-steps/s").contains("GFLOP/s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "gradcheck", "predict", "export", "bench"})
    void helpExplainsEveryOption(String command) {
        Run r = run(command, "--help");
        assertThat(r.exit()).isZero();
        CommandLine.Model.CommandSpec spec = new CommandLine(new Cli()).getSubcommands().get(command).getCommandSpec();
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            // a negatable option is shown as --[no-]name
            assertThat(r.out()).contains(option.negatable() ? option.longestName().replace("--", "--[no-]")
                    : option.longestName());
            assertThat(option.description()).as(option.longestName()).isNotEmpty();
        }
    }

    /** The command line in a JVM of its own, with a heap of {@code heap}; at most 60 s. */
    static Run runJvm(String heap, Path in, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"), "org.backpropstudio.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(in.toFile());
        pb.environment().remove("DISPLAY");
        Path out = Files.createTempFile(in, "out", ".txt");
        Path err = Files.createTempFile(in, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 60 s: " + args[0]);
        }
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** An error says one thing on one line: no Java stack trace, no exception class names. */
    static void assertOneLineError(Run r) {
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void twoOutputsNamingOneFileAreRefusedBeforeAnyWork() {
        Run r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
                run("train", "--epochs", "1000000000", "--history", p("s.csv"), "--weights-out", dir + "/./s.csv"));
        assertThat(r.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(r.err()).contains("--history and --weights-out both name");
        assertOneLineError(r);
        assertThat(dir.resolve("s.csv")).doesNotExist();
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeTraining() throws IOException {
        Files.writeString(dir.resolve("file"), "x");
        for (String out : new String[] {p("missing/h.csv"), p("file/h.csv"), "/dev/null"}) {
            Run r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
                    run("train", "--epochs", "1000000000", "--force", "--history", out));
            assertThat(r.exit()).as(out).isEqualTo(Cli.EXIT_INPUT);
            assertThat(r.err()).contains("cannot write " + out).doesNotContain(".tmp");
            assertOneLineError(r);
        }
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
    }

    /** stdout that fails (a closed pipe, /dev/full) is an error, not a silent success. */
    @Test
    void aFailedWriteToStandardOutputExitsThree() {
        java.io.OutputStream full = new java.io.OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 1000) {
                    throw new IOException("No space left on device");
                }
            }
        };
        StringWriter err = new StringWriter();
        assertThat(run("train", "--epochs", "0", "--weights-out", p("w.weights.json")).exit()).isZero();
        int exit = Cli.run(new PrintWriter(full, true), new PrintWriter(err, true), "predict", "--weights",
                p("w.weights.json"), "--points", "20000");
        assertThat(exit).isEqualTo(Cli.EXIT_INPUT);
        assertThat(err.toString()).startsWith("error: could not write").contains("standard output");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "1f", "0x1p3", "NaN", "Infinity", "1e"})
    void optionsTakePlainDecimalNumbersOnly(String value) {
        Run lr = run("train", "--epochs", "1", "--lr", value);
        assertThat(lr.exit()).isEqualTo(2);
        assertThat(lr.err()).contains("'" + value + "' is not a number");
        Run epochs = run("train", "--epochs", value.equals("1e") ? "0x10" : value);
        assertThat(epochs.exit()).isEqualTo(2);
        assertThat(epochs.err()).contains("is not a whole number").hasLineCount(1);
    }

    /** The studio's divergence rule: a loss a million times its start has diverged, finite or not. */
    @Test
    void aLossThatExplodesWhileFiniteIsDivergedAsInTheStudio() {
        Run r = run("train", "--preset", "linear-neuron", "--lr", "1", "--epochs", "20");
        assertThat(r.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(r.err()).contains("training diverged at epoch").contains("the loss exploded to")
                .contains("learning rate 1.0 is too large");
    }

    @Test
    void dataTooLargeForADoubleIsBlamedNotTheLearningRate() throws IOException {
        Files.writeString(dir.resolve("huge.csv"), "x,y\n1e300,0.5\n1,0.8\n2,0.9\n");
        Run r = run("train", "--preset", "linear-neuron", "--train-data", p("huge.csv"), "--test-data", p("huge.csv"),
                "--epochs", "5");
        assertThat(r.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(r.err()).contains("the data holds values up to 1.00e+300").contains("scale the data down")
                .doesNotContainPattern("learning rate [0-9]");
        Run relu = run("train", "--preset", "relu-mae", "--train-data", p("huge.csv"), "--test-data", p("huge.csv"),
                "--epochs", "5");
        assertThat(relu.err()).contains("1.00e+300").doesNotContainPattern("learning rate [0-9]");
        assertOneLineError(relu);
    }

    @Test
    void anEvenGridOverTheWholeDoubleRangeStaysFinite() throws Exception {
        assertThat(run("train", "--epochs", "0", "--weights-out", p("w.weights.json")).exit()).isZero();
        Run r = run("predict", "--weights", p("w.weights.json"), "--from", "-1e308", "--to", "1e308", "--points", "5");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> xs = r.out().lines().skip(1).map(l -> l.split(",")[0]).toList();
        assertThat(xs).containsExactly("-1.0E308", "-5.0E307", "0.0", "5.0E307", "1.0E308");
    }

    @Test
    void morePredictionsThanAReadableFileHoldsAreRefusedBeforeWork() throws Exception {
        assertThat(run("train", "--epochs", "0", "--weights-out", p("w.weights.json")).exit()).isZero();
        Run r = run("predict", "--weights", p("w.weights.json"), "--points", "10000000");
        assertThat(r.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(r.err()).contains("--points must be from 2 to " + CsvFiles.MAX_PREDICTION_ROWS);
        assertThat(r.out()).isEmpty();
    }

    /** Three million epochs kept one result each in memory once: 48 MB, beyond a 32 MB heap. */
    @Test
    @org.junit.jupiter.api.Tag("soak") // two JVMs of 3·10⁶ epochs, about 11 s: ./mvnw verify -Psoak
    void aLongRunKeepsMemoryFlatWithAndWithoutAHistoryFile() throws Exception {
        Run plain = runJvm("32m", dir, "train", "--preset", "linear-neuron", "--epochs", "3000000", "-q");
        assertThat(plain.exit()).as(plain.err()).isZero();
        Run streamed = runJvm("32m", dir, "train", "--preset", "linear-neuron", "--epochs", "3000000", "-q",
                "--history", "h.csv");
        assertThat(streamed.exit()).as(streamed.err()).isZero();
        try (var lines = Files.lines(dir.resolve("h.csv"))) {
            assertThat(lines.count()).isEqualTo(3_000_001);
        }
    }

    /** A full batch of 300 000 samples needs about 200 MB of work matrices: refused up front, not an OutOfMemoryError. */
    @Test
    void workThatCannotFitIsRefusedBeforeItStartsWithWhatItNeeds() throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 300_000; i++) {
            csv.append(i * 1e-5).append(',').append(Math.sin(i * 1e-5)).append('\n');
        }
        Files.writeString(dir.resolve("many.csv"), csv);
        Run r = runJvm("48m", dir, "train", "--train-data", "many.csv", "--batch-size", "0", "--epochs", "1", "-q");
        assertThat(r.exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(r.err()).contains("needs about").contains("give Java more");
        assertOneLineError(r);
    }
}

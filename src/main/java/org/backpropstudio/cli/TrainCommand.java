package org.backpropstudio.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.EpochResult;
import org.backpropstudio.engine.Divergence;
import org.backpropstudio.engine.Network;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.Task;
import org.backpropstudio.engine.Trainer;
import org.backpropstudio.engine.TrainingConfig;
import org.backpropstudio.io.AtomicFiles;
import org.backpropstudio.io.CsvFiles;
import org.backpropstudio.io.NpzFile;
import org.backpropstudio.io.PresetCatalog;
import org.backpropstudio.io.TrainingInfo;
import org.backpropstudio.io.WeightsFile;
import org.backpropstudio.io.WeightsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train}: trains a preset, optionally on given data from given initial weights. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a preset network and reports its losses.",
                "Progress goes to stderr, a one-line summary to stdout.",
                "Same inputs, same seed: the history file is identical byte for byte."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = Presets.DEFAULT,
            description = "The setup to train: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = PresetNames.class)
    String preset;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train (default: the preset's).")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "N", description = "The seed for data, initial weights and shuffling (default: the preset's, 0).")
    Long seed;

    @Option(names = {"--learning-rate", "--lr"}, paramLabel = "X", description = "The learning rate (default: the preset's).")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "X", description = "SGD momentum μ in [0, 1) (default: the preset's).")
    Double momentum;

    @Option(names = "--batch-size", paramLabel = "N", description = "Samples per step; 0 for the full training set (default: the preset's).")
    Integer batchSize;

    /** How the batches are drawn. */
    enum Sampling { order, shuffle, replacement }

    @Option(names = "--sampling", paramLabel = "HOW",
            description = "How batches are drawn: order (in file order, the last one partial), shuffle (a new order "
                    + "every epoch), replacement (every batch drawn with replacement) (default: the preset's).")
    Sampling sampling;

    @Option(names = "--train-data", paramLabel = "FILE", description = "Training samples, a CSV with header x,y (default: the preset's data).")
    Path trainData;

    @Option(names = "--test-data", paramLabel = "FILE", description = "Test samples, a CSV with header x,y (default: the preset's test set).")
    Path testData;

    @Option(names = "--train-labels", paramLabel = "FILE",
            description = "The labels of --train-data when it is an IDX images file (train-labels-idx1-ubyte[.gz]).")
    Path trainLabels;

    @Option(names = "--test-labels", paramLabel = "FILE",
            description = "The labels of --test-data when it is an IDX images file (t10k-labels-idx1-ubyte[.gz]).")
    Path testLabels;

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "A classifier's share of --train-data held out (its first rows) and tested each epoch; "
                    + "--test-data is then tested once at the end (default: none, the whole file trains).")
    Double validation;

    @Option(names = "--init", paramLabel = "FILE", description = "Initial weights, a .weights.json file; its architecture replaces the preset's.")
    Path init;

    @Option(names = "--history", paramLabel = "FILE", description = "Write the loss history (epoch,train_loss,test_loss) to this CSV.")
    Path history;

    @Option(names = "--weights-out", paramLabel = "FILE", description = "Write the trained weights to this .weights.json file.")
    Path weightsOut;

    @Option(names = "--npz-out", paramLabel = "FILE", description = "Write the trained weights to this NumPy .npz file.")
    Path npzOut;

    @Option(names = "--force", description = "Overwrite output files that exist.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    /** The preset's held-out test samples (the digits' test set), tested once at the end; or null. */
    private Dataset holdout;
    /** What the set tested each epoch is: "validation" when held out of the training samples. */
    private String epochTestName = "test";

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        new Outputs().add("--history", history).add("--weights-out", weightsOut).add("--npz-out", npzOut).check(force);
        TrainingConfig config = configure();
        Network initial = null;
        if (init != null) {
            WeightsFile w = WeightsJson.read(init);
            initial = w.toNetwork();
            config = config.withNetwork(w.network());
        }
        checkMemory(config);
        Trainer trainer = new Trainer(config, initial);
        long start = System.nanoTime();
        Run run = new Run(trainer, Divergence.at(trainer), new Progress(err, quiet));
        boolean classifier = config.data().task() instanceof Task.Classification;
        int epochs = config.epochs();
        if (history != null) {
            // streamed as it trains: a run of any length keeps only its last epoch in memory
            AtomicFiles.write(history, stream -> {
                Writer rows = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                rows.write((classifier ? CsvFiles.CLASSIFIER_HISTORY_HEADER : CsvFiles.HISTORY_HEADER) + "\n");
                run.train(epochs, rows);
                rows.flush();
            });
        } else {
            run.train(epochs, null);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        EpochResult last = run.last;
        if (run.stoppedAtStepLimit) {
            err.printf(Locale.ROOT, "note: %s ends after its %d steps, in epoch %d; the run stopped there, short of the "
                    + "%d epochs asked for.%n", preset, config.stepLimit(), trainer.epoch(), epochs);
        }
        if (run.diverged != null) {
            err.println("error: " + diverged(run.diverged, config) + (weightsOut != null || npzOut != null
                    ? " No weights were written." : ""));
            return Cli.EXIT_INPUT;
        }
        if (weightsOut != null || npzOut != null) {
            TrainingInfo info = new TrainingInfo(trainer.epoch(), last == null ? Double.NaN : last.trainLoss(),
                    last == null ? Double.NaN : last.testLoss(), config.seed(), WeightsJson.describe(config.optimizer()),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Cli.appVersion(),
                    System.getProperty("java.version"));
            WeightsFile trained = WeightsFile.of(trainer.network(), config.loss().kind(), info);
            if (weightsOut != null) {
                WeightsJson.write(weightsOut, trained);
            }
            if (npzOut != null) {
                NpzFile.write(npzOut, trained);
            }
        }
        out.printf(Locale.ROOT, "%s  %s  %d epochs in %.2f s  train loss %.6g  test loss %.6g", preset,
                trainer.network(), trainer.epoch(), seconds,
                last == null ? Double.NaN : last.trainLoss(), last == null ? Double.NaN : last.testLoss());
        if (classifier && last != null) {
            // as the tutorial reports them: accuracy on the training set and on the samples held out
            // for validation after the last epoch, and on the test set once at the end
            out.printf(Locale.ROOT, "  train accuracy %.4f  %s accuracy %.4f", last.trainAccuracy(), epochTestName,
                    last.testAccuracy());
            if (holdout != null) {
                out.printf(Locale.ROOT, "  final test accuracy %.4f (%d held-out samples)", trainer.accuracy(holdout),
                        holdout.size());
            }
        }
        out.println();
        return 0;
    }

    /** The epochs of one run; only the last result is kept. */
    private static final class Run {
        private final Trainer trainer;
        private final Divergence divergence;
        private final Progress progress;
        private final boolean hasTest;
        EpochResult last;
        Divergence.Verdict diverged;
        /** True when the run took all of its steps before the epochs asked for (the digit tutorial's 5 000). */
        boolean stoppedAtStepLimit;

        Run(Trainer trainer, Divergence divergence, Progress progress) {
            this.trainer = trainer;
            this.divergence = divergence;
            this.progress = progress;
            this.hasTest = trainer.testData().size() > 0;
        }

        /**
         * Trains until {@code epochs}, the run's step limit or divergence, writing each epoch's row
         * to {@code rows} if given.
         */
        void train(int epochs, Writer rows) throws IOException {
            for (int e = 0; e < epochs; e++) {
                if (trainer.stepLimitReached()) {
                    stoppedAtStepLimit = true;
                    break;
                }
                last = trainer.runEpoch();
                if (rows != null) {
                    rows.write(Double.isNaN(last.trainAccuracy())
                            ? CsvFiles.historyRow(last.epoch(), last.trainLoss(), last.testLoss())
                            : CsvFiles.historyRow(last.epoch(), last.trainLoss(), last.testLoss(), last.trainAccuracy(),
                                    last.testAccuracy()));
                    rows.write('\n');
                }
                diverged = divergence.check(last, hasTest);
                if (diverged != null) {
                    break;
                }
                progress.update(last, epochs);
            }
            progress.finish();
        }
    }

    /** What went wrong, in the words the studio's banner uses, blaming the input when it is at fault. */
    private static String diverged(Divergence.Verdict v, TrainingConfig config) {
        if (v.cause() == Divergence.Cause.NOT_FINITE_AT_START) {
            return String.format(Locale.ROOT, "cannot train: the loss is not a number even before the first step; the data "
                    + "or the initial weights (values up to %.3g) are too large for a double; scale them down.", v.largest());
        }
        String how = v.notANumber() ? "the loss is no longer a number"
                : String.format(Locale.ROOT, "the loss exploded to %.3g from %.3g at the start", v.worst(), v.start());
        String why = switch (v.cause()) {
            case DATA_TOO_LARGE -> String.format(Locale.ROOT, "the data holds values up to %.3g, too large for the loss and "
                    + "its gradients whatever the learning rate; scale the data down", v.largest());
            case WEIGHTS_TOO_LARGE -> String.format(Locale.ROOT, "the initial weights hold values up to %.3g, too large "
                    + "for the loss and its gradients whatever the learning rate; scale them down", v.largest());
            default -> "learning rate " + config.optimizer().learningRate()
                    + " is too large for this network; lower it and train again";
        };
        return "training diverged at epoch " + v.epoch() + " (" + how + "): " + why + ".";
    }

    /**
     * Refuses, before any work, a run whose step would not fit in the memory Java has: a full
     * batch (--batch-size 0) of millions of samples needs gigabytes of work matrices.
     */
    private static void checkMemory(TrainingConfig config) {
        long samples = trainSamples(config);
        long rows = config.batchSize() == 0 ? samples : Math.min(config.batchSize(), Math.max(samples, 1));
        long need = Trainer.stepBytes(config.network(), rows);
        if (config.data() instanceof DataSpec.FunctionData f) {
            need += (long) Double.BYTES * (f.trainCount() + f.testCount()) * (config.network().inputs() + config.network().outputs());
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > free) {
            throw new Cli.UserException(String.format(Locale.ROOT, "a step on a batch of %d samples through %s needs "
                    + "about %s of memory, and Java has %s free; give Java more (java -Xmx...) or a smaller --batch-size",
                    rows, config.network(), mib(need), mib(free)));
        }
    }

    private static long trainSamples(TrainingConfig config) {
        if (config.streaming()) {
            return config.batchSize();
        }
        return config.data().trainCount();
    }

    private static String mib(long bytes) {
        return bytes >= 10L << 30 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }

    private TrainingConfig configure() throws Exception {
        PresetCatalog.Setup setup = PresetCatalog.get(preset);
        holdout = setup.holdout();
        epochTestName = holdout != null ? "validation" : "test";
        TrainingConfig config = setup.config();
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (seed != null) {
            config = config.withSeed(seed);
        }
        if (learningRate != null) {
            config = config.withOptimizer(config.optimizer().withLearningRate(learningRate));
        }
        if (momentum != null) {
            if (config.optimizer() instanceof OptimizerConfig.Sgd sgd) {
                config = config.withOptimizer(sgd.withMomentum(momentum));
            } else if (config.optimizer() instanceof OptimizerConfig.ReboundSgd rebound) {
                config = config.withOptimizer(rebound.withMomentum(momentum));
            } else {
                throw new Cli.UserException("--momentum applies to SGD; the preset uses " + config.optimizer().name());
            }
        }
        if (batchSize != null) {
            config = config.withBatching(batchSize, config.shuffle(), config.dropLast());
        }
        if (sampling != null) {
            config = config.withBatching(config.batchSize(), sampling == Sampling.shuffle,
                    sampling == Sampling.shuffle && config.dropLast()).withReplacement(sampling == Sampling.replacement);
        }
        if (config.data().task() instanceof Task.Classification k) {
            if (trainData != null || testData != null || validation != null) {
                config = config.withData(labelledData(config, k.classes()));
            }
        } else if (trainLabels != null || testLabels != null || validation != null) {
            throw new Cli.UserException("--train-labels, --test-labels and --validation are for a classifier; the preset "
                    + preset + " fits a curve");
        } else if (trainData != null || testData != null) {
            config = config.withData(givenData(config));
        }
        return config;
    }

    /** The preset's own training and test sets, standing in for a file that is not given; null when both are. */
    private DataSpec.Samples presetSamples(TrainingConfig config) {
        if (trainData != null && testData != null) {
            return null;
        }
        Trainer presetData = new Trainer(config);
        return new DataSpec.Samples(presetData.trainData(), presetData.testData());
    }

    /**
     * A classifier's samples from files (labelled CSV, or IDX images with their labels), with the
     * preset's own set standing in for one that is not given.
     */
    private DataSpec.LabelledData labelledData(TrainingConfig config, int classes) throws Exception {
        DataSpec.Samples own = presetSamples(config);
        Dataset train = trainData != null ? labelledFile(trainData, trainLabels, "--train-labels", classes) : own.train();
        Dataset test = testData != null ? labelledFile(testData, testLabels, "--test-labels", classes) : own.test();
        if (validation != null) {
            if (!(validation > 0 && validation < 1)) {
                throw new Cli.UserException("--validation must be a fraction between 0 and 1, got " + validation);
            }
            Dataset[] split = org.backpropstudio.io.PresetCatalog.holdFirst(train, validation);
            if (split[0].size() == 0 || split[1].size() == 0) {
                throw new Cli.UserException("--validation " + validation + " of " + train.size()
                        + " samples leaves no samples to " + (split[0].size() == 0 ? "validate on" : "train on"));
            }
            holdout = testData != null ? test : holdout;
            epochTestName = "validation";
            return new DataSpec.LabelledData(split[1], split[0], classes);
        }
        if (trainData != null || testData != null) {
            holdout = null; // the files say what is tested: no held-out set of the preset's
            epochTestName = "test";
        }
        return new DataSpec.LabelledData(train, test, classes);
    }

    private static Dataset labelledFile(Path data, Path labels, String labelsOption, int classes) throws Exception {
        if (labels != null) {
            return org.backpropstudio.io.IdxFiles.labelled(org.backpropstudio.io.IdxFiles.readImages(data),
                    org.backpropstudio.io.IdxFiles.readLabels(labels), data.toString());
        }
        if (Files.isRegularFile(data) && org.backpropstudio.io.IdxFiles.looksLikeIdx(data)) {
            throw new Cli.UserException(data + ": IDX images need their labels: give " + labelsOption);
        }
        if (!CsvFiles.isLabelled(data)) {
            throw new Cli.UserException(data + ": a classifier needs a CSV with the header x1,x2,…,xn,label, or IDX "
                    + "images with " + labelsOption);
        }
        return CsvFiles.readLabelled(data, classes);
    }

    /** The given files, with the preset's own set standing in for one that is not given. */
    private DataSpec.GivenData givenData(TrainingConfig config) throws Exception {
        if (trainData == null && config.streaming()) {
            throw new Cli.UserException("the preset " + preset + " draws fresh training data every step; "
                    + "give --train-data too");
        }
        DataSpec.Samples own = presetSamples(config);
        Dataset train = trainData != null ? CsvFiles.readData(trainData) : own.train();
        Dataset test = testData != null ? CsvFiles.readData(testData) : own.test();
        return new DataSpec.GivenData(train, test);
    }

    /** A one-line progress display on stderr, redrawn at most five times a second. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean enabled;
        private long lastDraw;
        private boolean drawn;

        Progress(PrintWriter err, boolean quiet) {
            this.err = err;
            // redrawing a line with \r only makes sense on a terminal, not in a log file
            this.enabled = !quiet && System.console() != null;
        }

        void update(EpochResult r, int total) {
            long now = System.nanoTime();
            if (!enabled || now - lastDraw < 200_000_000L) {
                return;
            }
            lastDraw = now;
            drawn = true;
            err.printf(Locale.ROOT, "\repoch %d/%d  train loss %.4g  test loss %.4g   ", r.epoch(), total,
                    r.trainLoss(), r.testLoss());
            err.flush();
        }

        void finish() {
            if (drawn) {
                err.println();
            }
        }
    }
}

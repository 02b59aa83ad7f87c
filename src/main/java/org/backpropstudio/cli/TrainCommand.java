package org.backpropstudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.EpochResult;
import org.backpropstudio.engine.LossHistory;
import org.backpropstudio.engine.Network;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.Trainer;
import org.backpropstudio.engine.TrainingConfig;
import org.backpropstudio.io.CsvFiles;
import org.backpropstudio.io.NpzFile;
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

    @Option(names = "--train-data", paramLabel = "FILE", description = "Training samples, a CSV with header x,y (default: the preset's data).")
    Path trainData;

    @Option(names = "--test-data", paramLabel = "FILE", description = "Test samples, a CSV with header x,y (default: the preset's test set).")
    Path testData;

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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Cli.checkOverwrite(force, history, weightsOut, npzOut);
        TrainingConfig config = configure();
        Network initial = null;
        if (init != null) {
            WeightsFile w = WeightsJson.read(init);
            initial = w.toNetwork();
            config = config.withNetwork(w.network());
        }
        Trainer trainer = new Trainer(config, initial);
        LossHistory losses = new LossHistory();
        Progress progress = new Progress(err, quiet);
        long start = System.nanoTime();
        EpochResult last = null;
        for (int e = 0; e < config.epochs(); e++) {
            last = trainer.runEpoch();
            losses.add(last);
            if (last.diverged()) {
                break;
            }
            progress.update(last, config.epochs());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.finish();
        if (history != null) {
            CsvFiles.writeHistory(history, losses);
        }
        if (last != null && last.diverged()) {
            err.printf(Locale.ROOT, "error: the loss diverged at epoch %d (train loss %s): learning rate %s is too large "
                    + "for this network; lower it and train again.%s%n", last.epoch(), last.trainLoss(),
                    config.optimizer().learningRate(), weightsOut != null || npzOut != null ? " No weights were written." : "");
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
        out.printf(Locale.ROOT, "%s  %s  %d epochs in %.2f s  train loss %.6g  test loss %.6g%n", preset,
                trainer.network(), trainer.epoch(), seconds,
                last == null ? Double.NaN : last.trainLoss(), last == null ? Double.NaN : last.testLoss());
        return 0;
    }

    private TrainingConfig configure() throws Exception {
        TrainingConfig config = Presets.get(preset);
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
            if (!(config.optimizer() instanceof OptimizerConfig.Sgd sgd)) {
                throw new Cli.UserException("--momentum applies to SGD; the preset uses " + config.optimizer().name());
            }
            config = config.withOptimizer(sgd.withMomentum(momentum));
        }
        if (batchSize != null) {
            config = config.withBatching(batchSize, config.shuffle(), config.dropLast());
        }
        if (trainData != null || testData != null) {
            config = config.withData(givenData(config));
        }
        return config;
    }

    /** The given files, with the preset's own set standing in for one that is not given. */
    private DataSpec.GivenData givenData(TrainingConfig config) throws Exception {
        Dataset presetTrain = null;
        Dataset presetTest = null;
        if (trainData == null || testData == null) {
            Trainer presetData = new Trainer(config);
            presetTrain = presetData.trainData();
            presetTest = presetData.testData();
            if (trainData == null && config.streaming()) {
                throw new Cli.UserException("the preset " + preset + " draws fresh training data every step; "
                        + "give --train-data too");
            }
        }
        Dataset train = trainData != null ? CsvFiles.readData(trainData) : presetTrain;
        Dataset test = testData != null ? CsvFiles.readData(testData) : presetTest;
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

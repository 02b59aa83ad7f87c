package org.backpropstudio.io;

import java.nio.file.Path;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.Presets;

/**
 * The child process of {@link KilledWritesTest}: writes version after version of a large data
 * export and a large experiment, atomically, until it is killed. Version k is recognizable
 * throughout: every row of the export and every history value of the experiment is computed from
 * k, and the experiment's seed is k.
 */
public final class KilledWriter {

    static final int ROWS = 200_000;
    static final int BUCKETS = 20_000;

    private KilledWriter() {
    }

    /** Row i of export version k: x = i, y = k + i / ROWS. */
    static Dataset export(int k) {
        double[] xs = new double[ROWS];
        double[] ys = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            xs[i] = i;
            ys[i] = k + (double) i / ROWS;
        }
        return Dataset.of(xs, ys);
    }

    /** Experiment version k: the classic setup with seed k and a history whose bucket j holds k + j. */
    static ExperimentJson.Experiment experiment(int k) {
        int[] epochs = new int[BUCKETS];
        double[] values = new double[BUCKETS];
        for (int j = 0; j < BUCKETS; j++) {
            epochs[j] = j + 1;
            values[j] = k + j;
        }
        return new ExperimentJson.Experiment(Presets.get("classic-sigmoid").withSeed(k), null,
                new ExperimentJson.History(epochs, values, values, values, values));
    }

    /** args: the export's path, the experiment's path, the first version. */
    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path json = Path.of(args[1]);
        int k = Integer.parseInt(args[2]);
        boolean announced = false;
        while (true) {
            CsvFiles.writeData(csv, export(k));
            ExperimentJson.write(json, experiment(k));
            if (!announced) {
                System.out.println("writing"); // the parent starts its clock
                System.out.flush();
                announced = true;
            }
            k++;
        }
    }
}

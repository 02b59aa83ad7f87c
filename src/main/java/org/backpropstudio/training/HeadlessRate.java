package org.backpropstudio.training;

import org.backpropstudio.engine.Trainer;
import org.backpropstudio.engine.TrainingConfig;

/** The engine's own speed without any UI, to compare the studio's with. */
public final class HeadlessRate {

    private HeadlessRate() {
    }

    /**
     * Epochs per second of a fresh trainer on the config, measured over the given time, past the
     * config's length and step limit.
     */
    public static double epochsPerSecond(TrainingConfig config, double seconds) {
        Trainer t = new Trainer(config.withEpochs(Integer.MAX_VALUE).withStepLimit(0));
        long start = System.nanoTime();
        long limit = (long) (seconds * 1e9);
        int done = 0;
        while (System.nanoTime() - start < limit) {
            t.runEpoch();
            done++;
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }
}

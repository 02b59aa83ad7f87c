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
        return timed(new Trainer(endless(config)), seconds);
    }

    private static TrainingConfig endless(TrainingConfig config) {
        return config.withEpochs(Integer.MAX_VALUE).withStepLimit(0);
    }

    private static double timed(Trainer t, double seconds) {
        long start = System.nanoTime();
        long limit = (long) (seconds * 1e9);
        int done = 0;
        while (System.nanoTime() - start < limit) {
            t.runEpoch();
            done++;
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * The engine alone on a trainer of its own that keeps up with another one of the same setup:
     * training is deterministic, so at the same epoch both hold the same numbers and an epoch costs
     * both the same. A fresh trainer is no fair peer for one that has trained a while: an epoch's
     * cost changes as training goes on (Adam's moments decay into subnormal numbers, which the CPU
     * handles slowly: {@code spiral-relu} ran half as fast at epoch 40 000 as at epoch 0).
     */
    public static final class Twin {
        private final Trainer trainer;

        public Twin(TrainingConfig config) {
            trainer = new Trainer(endless(config));
        }

        /** Trains, untimed, until this trainer's epoch is at least the given one. */
        public void catchUp(int epoch) {
            while (trainer.epoch() < epoch) {
                trainer.runEpoch();
            }
        }

        /** Epochs per second from where this trainer is, measured over the given time. */
        public double epochsPerSecond(double seconds) {
            return timed(trainer, seconds);
        }
    }
}

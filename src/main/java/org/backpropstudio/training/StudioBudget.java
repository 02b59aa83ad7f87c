package org.backpropstudio.training;

import static org.backpropstudio.i18n.Messages.text;

import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.TrainingConfig;
import org.backpropstudio.i18n.Messages;
import org.backpropstudio.i18n.NumberText;

/**
 * What the studio lets one epoch, one setup's data and one gradient check cost, so that no click
 * waits long behind training. The command line has no such limits.
 */
public final class StudioBudget {

    private StudioBudget() {
    }

    /**
     * Multiply-adds one step may cost in the studio (about 3 per parameter and sample of its
     * batch, and the prediction curve): about 0.1 to 0.2 s on a laptop core. The training thread
     * looks at the commands between steps (and between the evaluation's chunks of 256 rows), so
     * however long an epoch is, no command waits longer than a step; a setup whose step is beyond
     * this is refused with the reason. The command line has no such limit.
     */
    public static final double STEP_BUDGET = 1.5e8;
    /**
     * What making a setup's data may cost, in {@link org.backpropstudio.engine.Target#evaluationCost()}
     * units (about 5 ns each: 0.15 s), so a long typed target on many samples is refused at once.
     */
    public static final double DATA_BUDGET = 3e7;
    /** Multiply-adds a gradient check from the studio may cost. */
    public static final double GRADIENT_CHECK_BUDGET = 5e7;

    /**
     * Refuses a setup whose step would cost more than {@link #STEP_BUDGET} multiply-adds, or whose
     * data would take more than {@link #DATA_BUDGET} to make.
     *
     * @throws IllegalArgumentException saying what it would cost and what to do
     */
    public static void check(TrainingConfig c) {
        long params = c.network().parameterCount();
        long samples = samplesPerEpoch(c);
        long batch = c.batchSize() == 0 || c.batchSize() > samples ? samples : c.batchSize();
        double cost = params * (3.0 * batch + PredictionGrid.POINTS);
        if (cost > STEP_BUDGET) {
            throw new IllegalArgumentException(text("service.budget", Messages.integer(params),
                    Messages.integer(batch), NumberText.plain(cost), NumberText.plain(STEP_BUDGET)));
        }
        if (c.data() instanceof DataSpec.FunctionData f) {
            // a streamed setup makes a batch every step, a fixed one its sets once
            double data = f.streaming() ? c.batchSize() * f.target().evaluationCost() : f.generationCost();
            if (data > DATA_BUDGET) {
                throw new IllegalArgumentException(text("service.dataBudget", Messages.integer(samples + testSamples(c)),
                        Messages.integer((long) f.target().evaluationCost()), NumberText.plain(data), NumberText.plain(DATA_BUDGET)));
            }
        }
    }

    private static long samplesPerEpoch(TrainingConfig c) {
        if (c.streaming()) {
            return c.batchSize();
        }
        return c.data().trainCount();
    }

    private static long testSamples(TrainingConfig c) {
        return c.data().testCount();
    }
}

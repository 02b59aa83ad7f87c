package org.backpropstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.TrainingConfig;
import org.junit.jupiter.api.Test;

class HeadlessRateTest {

    /**
     * {@code studio --measure} times the engine alone for seconds; a setup with a step limit (the
     * digit tutorial's 5 000 steps end within them) must be timed past it, not end in the trainer's
     * refusal to take more steps.
     */
    @Test
    void aSetupWithAStepLimitIsTimedPastIt() {
        TrainingConfig limited = Presets.get("xor-tanh").withStepLimit(1);
        assertThat(HeadlessRate.epochsPerSecond(limited, 0.2)).isPositive();
    }
}

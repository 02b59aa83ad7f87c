package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Hidden-unit contributions, and muting a unit. */
class MutingTest {

    private static final double[] XS = {-6, -3.1, -1, 0, 0.5, 2, 4.4, 6.2};

    private static Trainer trained(String preset, int epochs) {
        Trainer t = new Trainer(Presets.get(preset));
        for (int e = 0; e < epochs; e++) {
            t.runEpoch();
        }
        return t;
    }

    @Test
    void contributionsPlusTheOutputBiasAreThePrediction() {
        Network net = trained("classic-sigmoid", 50).network();
        DMatrixRMaj c = net.contributions(Matrices.column(XS));
        double bias = net.layers().get(2).bias().get(0, 0);
        double[] prediction = net.predict(Matrices.column(XS)).data;
        assertThat(c.numRows).isEqualTo(10);
        for (int i = 0; i < XS.length; i++) {
            double sum = bias;
            for (int j = 0; j < c.numRows; j++) {
                sum += c.get(j, i);
            }
            assertThat(sum).isCloseTo(prediction[i], within(1e-12));
        }
    }

    @Test
    void mutingAUnitChangesThePredictionByExactlyItsContribution() {
        Network net = trained("classic-sigmoid", 50).network();
        for (int unit = 0; unit < 10; unit++) {
            DMatrixRMaj c = net.contributions(Matrices.column(XS));
            double[] before = net.predict(Matrices.column(XS)).data;
            net.mute(new Network.Unit(1, unit));
            double[] after = net.predict(Matrices.column(XS)).data;
            for (int i = 0; i < XS.length; i++) {
                assertThat(before[i] - after[i]).as("unit %d at x = %s", unit, XS[i])
                        .isCloseTo(c.get(unit, i), within(1e-12));
            }
            assertThat(net.contributions(Matrices.column(XS)).get(unit, 0)).isZero();
            net.unmute(new Network.Unit(1, unit));
            assertThat(net.predict(Matrices.column(XS)).data).as("un-muting restores it bit for bit")
                    .containsExactly(before);
        }
    }

    @Test
    void aMutedUnitsWeightsStayZeroWhileTrainingAndComeBackWhenUnmuted() {
        Trainer t = trained("classic-sigmoid", 5);
        Network.Unit unit = new Network.Unit(0, 2);
        double[] kept = t.network().layers().get(1).weights().data.clone();
        t.setMuted(unit, true);
        for (int e = 0; e < 20; e++) {
            t.runEpoch();
        }
        DMatrixRMaj w2 = t.network().layers().get(1).weights();
        for (int j = 0; j < w2.numCols; j++) {
            assertThat(w2.get(2, j)).isZero();
            assertThat(w2.get(1, j)).as("the other rows train").isNotEqualTo(kept[w2.numCols + j]);
        }
        t.setMuted(unit, false);
        for (int j = 0; j < w2.numCols; j++) {
            assertThat(t.network().layers().get(1).weights().get(2, j)).isEqualTo(kept[2 * w2.numCols + j]);
        }
    }

    @Test
    void momentumAndAdamDoNotMoveAMutedUnit() {
        for (OptimizerConfig o : new OptimizerConfig[] {new OptimizerConfig.Sgd(0.05, 0.9, true,
                WeightDecay.l1(0.01)), new OptimizerConfig.Adam(0.01), new OptimizerConfig.RmsProp(0.01)}) {
            Trainer t = new Trainer(Presets.get("classic-sigmoid").withOptimizer(o));
            t.runEpoch(); // build up velocities and moments first
            t.setMuted(new Network.Unit(1, 7), true);
            t.runEpoch();
            t.runEpoch();
            assertThat(t.network().layers().get(2).weights().get(7, 0)).as(o.name()).isZero();
        }
    }

    @Test
    void resizingKeepsTheMutesOfUnitsThatRemain() {
        Trainer t = trained("classic-sigmoid", 3);
        t.setMuted(new Network.Unit(0, 1), true);
        t.setMuted(new Network.Unit(0, 8), true);
        t.resizeHidden(0, 5);
        assertThat(t.network().mutedUnits()).containsExactly(new Network.Unit(0, 1));
        t.resizeHidden(0, 12);
        assertThat(t.network().mutedUnits()).containsExactly(new Network.Unit(0, 1));
        t.setMuted(new Network.Unit(0, 1), false);
        assertThat(t.network().layers().get(1).weights().get(1, 0)).isNotZero();
        assertThat(t.network().copy().mutedUnits()).isEmpty();
    }

    @Test
    void onlyHiddenUnitsThatExistCanBeMuted() {
        Network net = trained("classic-sigmoid", 1).network();
        assertThatThrownBy(() -> net.mute(new Network.Unit(2, 0))).hasMessageContaining("not a hidden layer");
        assertThatThrownBy(() -> net.mute(new Network.Unit(0, 10))).hasMessageContaining("units 1 to 10, not 11");
        Network linear = trained("linear-neuron", 1).network();
        assertThatThrownBy(() -> linear.contributions(Matrices.column(XS))).isInstanceOf(IllegalStateException.class);
    }
}

package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every activation × loss × (bias / no bias) passes the central-difference check. */
class GradientCheckTest {

    static Stream<Arguments> everyCombination() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Activation f : Activation.values()) {
            for (LossKind l : LossKind.values()) {
                for (boolean bias : new boolean[] {true, false}) {
                    b.add(Arguments.of(f, l, bias));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} × {1}, bias {2}")
    @MethodSource("everyCombination")
    void backpropAgreesWithCentralDifferences(Activation f, LossKind loss, boolean bias) {
        int[][] shapes = {{1, 1, 1, 1}, {2, 5, 3, 4}, {3, 4, 2, 6}};
        long seed = f.ordinal() * 1000L + loss.ordinal() * 10L + (bias ? 1 : 0);
        for (int[] s : shapes) {
            for (Reduction reduction : Reduction.values()) {
                GradientCases.Case c;
                do {
                    c = GradientCases.build(f, loss, reduction, bias, s[0], new int[] {s[1], s[2]},
                            Math.max(s[3] / 2, loss == LossKind.SOFTMAX_CROSS_ENTROPY ? 2 : 1), s[3], seed++);
                } while (!GradientCases.awayFromKinks(c));
                GradientCheck.Result r = GradientCheck.run(c.network(), c.loss(), c.x(), c.y(),
                        GradientCheck.DEFAULT_EPSILON);
                assertThat(r.maxRelative()).as("%s %s: %s", c.network(), c.loss(), r.entries())
                        .isLessThan(GradientCheck.TOLERANCE);
        assertThat(r.straddled()).as("entries whose ±ε crossed a kink").isZero();
                // every entry of every parameter was compared: a check that skipped some would pass vacuously
                long entries = c.network().parameters().stream().mapToLong(p -> p.value().getNumElements()).sum();
                assertThat(r.compared()).as("entries compared, %s", c.network()).isEqualTo(entries);
            }
        }
    }

    @Test
    void aGradientOnePercentOffFailsTheCheck() {
        GradientCases.Case c = GradientCases.build(Activation.TANH, LossKind.MSE, Reduction.MEAN, true, 2,
                new int[] {3}, 1, 4, 42);
        List<DMatrixRMaj> right = GradientCheck.backpropGradients(c.network(), c.loss(), c.x(), c.y());
        assertThat(GradientCheck.compare(c.network(), c.loss(), c.x(), c.y(), right, 1e-6).passed()).isTrue();

        List<DMatrixRMaj> skewed = new ArrayList<>();
        for (DMatrixRMaj g : right) {
            DMatrixRMaj s = g.copy();
            s.data[0] *= 1.01;
            skewed.add(s);
        }
        GradientCheck.Result r = GradientCheck.compare(c.network(), c.loss(), c.x(), c.y(), skewed, 1e-6);
        assertThat(r.passed()).isFalse();
        assertThat(r.entries()).allSatisfy(e -> assertThat(e.passed()).as(e.parameter()).isFalse());
    }

    @Test
    void parametersAreRestoredExactly() {
        GradientCases.Case c = GradientCases.build(Activation.SIGMOID, LossKind.HALF_MSE, Reduction.SUM, true, 1,
                new int[] {4}, 1, 3, 7);
        Network before = c.network().copy();
        GradientCheck.run(c.network(), c.loss(), c.x(), c.y(), 1e-3);
        for (int k = 0; k < before.parameters().size(); k++) {
            assertThat(c.network().parameters().get(k).value().data)
                    .containsExactly(before.parameters().get(k).value().data);
        }
    }

    @org.junit.jupiter.api.Test
    void aBudgetChecksAnEvenSpreadOfEachTensor() {
        GradientCases.Case c = GradientCases.build(Activation.TANH, LossKind.MSE, Reduction.MEAN, true, 3,
                new int[] {20, 20}, 2, 4, 5);
        GradientCheck.Result all = GradientCheck.run(c.network(), c.loss(), c.x(), c.y(), 1e-5);
        GradientCheck.Result some = GradientCheck.run(c.network(), c.loss(), c.x(), c.y(), 1e-5, 7);
        assertThat(all.entries()).extracting(GradientCheck.Entry::entries).containsExactly(60, 20, 400, 20, 40, 2);
        assertThat(some.entries()).extracting(GradientCheck.Entry::entries).containsExactly(7, 7, 7, 7, 7, 2);
        assertThat(some.passed()).isTrue();
        // a wrong gradient in a sampled entry (entry ⌊3·400/7⌋ = 171 of W2) is still caught
        java.util.List<org.ejml.data.DMatrixRMaj> skewed = GradientCheck.backpropGradients(c.network(), c.loss(), c.x(),
                c.y());
        skewed.get(2).data[171] *= 1.01;
        assertThat(GradientCheck.compare(c.network(), c.loss(), c.x(), c.y(), skewed, 1e-5).passed()).isFalse();
    }
}

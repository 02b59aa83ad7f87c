package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random shapes and data: sizes are generated first, then weights and samples of those sizes. */
class GradientCheckProperties {

    record Shape(int inputs, int[] hidden, int outputs, int batch) {
    }

    @Provide
    Arbitrary<Shape> shapes() {
        Arbitrary<int[]> hidden = Arbitraries.integers().between(1, 6).array(int[].class).ofMinSize(0).ofMaxSize(3);
        return Combinators.combine(Arbitraries.integers().between(1, 4), hidden, Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 6)).as(Shape::new);
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE, seed = "20261122")
    void everyActivationLossAndShapePassesTheGradientCheck(@ForAll Activation activation, @ForAll LossKind loss,
                                                           @ForAll Reduction reduction, @ForAll boolean bias,
                                                           @ForAll("shapes") Shape shape, @ForAll long seed) {
        GradientCases.Case c = GradientCases.build(activation, loss, reduction, bias, shape.inputs(), shape.hidden(),
                shape.outputs(), shape.batch(), seed);
        Assume.that(GradientCases.awayFromKinks(c));
        GradientCheck.Result r = GradientCheck.run(c.network(), c.loss(), c.x(), c.y(), GradientCheck.DEFAULT_EPSILON);
        assertThat(r.maxRelative()).as("%s %s: %s", c.network(), c.loss(), r.entries())
                .isLessThan(GradientCheck.TOLERANCE);
        assertThat(r.straddled()).as("entries whose ±ε crossed a kink").isZero();
    }
}

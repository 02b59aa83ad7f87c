package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTargetTest {

    @Test
    void evaluatesTheIssuesExamples() {
        for (double x : new double[] {-3.5, -1, 0, 0.25, 2, 6.2}) {
            assertThat(ExpressionTarget.parse("sin(x) + 0.3*x").value(x)).isEqualTo(Math.sin(x) + 0.3 * x);
            assertThat(ExpressionTarget.parse("abs(x)").value(x)).isEqualTo(Math.abs(x));
            assertThat(ExpressionTarget.parse("x^2/10").value(x)).isEqualTo(Math.pow(x, 2) / 10);
        }
        assertThat(ExpressionTarget.parse("-x + pi").value(1)).isEqualTo(Math.PI - 1);
    }

    /** Each bad text is refused with the 0-based position of the character where it went wrong. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sin(x) + * 2 | 9",
        "foo(x)       | 0",
        "x + y        | 4",
        "sin(x        | 3",
        "x)           | 1",
        "sin(x)+      | 7",
        "3..2 + x     | 0",
        "x # 2        | 2",
        "()           | 1",
    })
    void aBadExpressionSaysWhere(String text, int position) {
        assertThatThrownBy(() -> ExpressionTarget.parse(text))
                .isInstanceOfSatisfying(ExpressionTarget.InvalidExpression.class,
                        e -> assertThat(e.position()).as(e.getMessage()).isEqualTo(position));
    }

    @Test
    void findsWhereItIsNotANumber() {
        assertThat(ExpressionTarget.parse("1/x").firstNonFinite(-1, 1, 3)).isEqualTo(0);
        assertThat(ExpressionTarget.parse("sqrt(x)").firstNonFinite(-1, 1, 5)).isEqualTo(-1);
        assertThat(ExpressionTarget.parse("sin(x)").firstNonFinite(-10, 10, 2001)).isNaN();
    }

    @Test
    void equalsByText() {
        assertThat(ExpressionTarget.parse("x^2")).isEqualTo(ExpressionTarget.parse("x^2"));
        assertThat(new DataSpec.FunctionData(ExpressionTarget.parse("x^2"), -1, 1, 5, 2, 0, DataSpec.Sampling.EVEN, false))
                .isEqualTo(new DataSpec.FunctionData(ExpressionTarget.parse("x^2"), -1, 1, 5, 2, 0,
                        DataSpec.Sampling.EVEN, false));
    }
}

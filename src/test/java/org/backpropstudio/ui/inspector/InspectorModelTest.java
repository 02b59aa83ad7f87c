package org.backpropstudio.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.backpropstudio.training.Inspection;
import org.junit.jupiter.api.Test;

class InspectorModelTest {

    private static Inspection walk(int stages, int epoch) {
        List<Inspection.Stage> list = new java.util.ArrayList<>();
        for (int k = 0; k < stages; k++) {
            list.add(new Inspection.Stage(Inspection.Phase.FORWARD, k, "stage " + k, List.of()));
        }
        return new Inspection(epoch, 0, "training", 0.5, 0.25, list);
    }

    @Test
    void nextAndPreviousStopAtTheEnds() {
        InspectorModel m = new InspectorModel();
        m.show(walk(3, 1));
        assertThat(m.atFirstProperty().get()).isTrue();
        m.previous();
        assertThat(m.stageProperty().get()).isZero();
        m.next();
        m.next();
        m.next();
        assertThat(m.stageProperty().get()).isEqualTo(2);
        assertThat(m.atLastProperty().get()).isTrue();
        assertThat(m.currentStage().get().title()).isEqualTo("stage 2");
    }

    @Test
    void aNewTraceOfTheSameShapeKeepsTheStageAnotherStartsOver() {
        InspectorModel m = new InspectorModel();
        m.show(walk(11, 1));
        m.next();
        m.next();
        m.show(walk(11, 2));
        assertThat(m.stageProperty().get()).isEqualTo(2);
        assertThat(m.currentStage().get().title()).isEqualTo("stage 2");
        m.show(walk(14, 3)); // a layer was added
        assertThat(m.stageProperty().get()).isZero();
        m.show(null);
        assertThat(m.currentStage().get()).isNull();
        assertThat(m.atLastProperty().get()).isTrue();
    }

    @Test
    void valuesHaveFourSignificantDigitsAndAnExponentWhenNeeded() {
        assertThat(org.backpropstudio.i18n.NumberText.significant(0)).isEqualTo("0");
        assertThat(org.backpropstudio.i18n.NumberText.significant(0.5)).isEqualTo("0.5000");
        assertThat(org.backpropstudio.i18n.NumberText.significant(-1.23456)).isEqualTo("−1.235");
        assertThat(org.backpropstudio.i18n.NumberText.significant(1234.56)).isEqualTo("1235");
        assertThat(org.backpropstudio.i18n.NumberText.significant(12345.6)).isEqualTo("12350");
        assertThat(org.backpropstudio.i18n.NumberText.significant(99996)).isEqualTo("1.000e5");
        assertThat(org.backpropstudio.i18n.NumberText.significant(0.001234567)).isEqualTo("0.001235");
        assertThat(org.backpropstudio.i18n.NumberText.significant(0.0001234567)).isEqualTo("1.235e−4");
        assertThat(org.backpropstudio.i18n.NumberText.significant(-6.02e23)).isEqualTo("−6.020e23");
        assertThat(org.backpropstudio.i18n.NumberText.significant(4.9e-324)).isEqualTo("4.941e−324");
        assertThat(org.backpropstudio.i18n.NumberText.significant(Double.NaN)).isEqualTo("NaN");
        assertThat(org.backpropstudio.i18n.NumberText.significant(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
    }

    @Test
    void theCaptionSaysWhatIsCutOff() {
        double[][] big = new double[10][10];
        assertThat(InspectorView.shownPart(new Inspection.Term("W", "", big))).isEqualTo(
                "showing 6 of 10 rows, 5 of 10 columns");
        assertThat(InspectorView.shownPart(new Inspection.Term("a", "", new double[1][10]))).isEqualTo(
                "showing 5 of 10 columns");
        assertThat(InspectorView.shownPart(new Inspection.Term("v", "", new double[10][1]))).isEqualTo(
                "showing 6 of 10 rows");
    }

    @Test
    void theQuickRoundingAgreesWithRoundingTheExactValue() {
        java.util.Random random = new java.util.Random(20_261_122L);
        java.math.MathContext four = new java.math.MathContext(4, java.math.RoundingMode.HALF_UP);
        int naiveWrong = 0;
        for (int n = 0; n < 20_000; n++) {
            double v;
            if (n % 2 == 0) {
                // any finite double, from subnormals to 1.8e308
                do {
                    v = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(v) || v == 0);
            } else {
                // the doubles nearest to a tie, 1234.5 × 10ⁿ, and their neighbours
                double tie = Double.parseDouble((1000 + random.nextInt(9000)) + "5e" + (random.nextInt(600) - 300));
                v = switch (n % 3) {
                    case 0 -> Math.nextUp(tie);
                    case 1 -> Math.nextDown(tie);
                    default -> tie;
                };
            }
            java.math.BigDecimal exact = new java.math.BigDecimal(v).round(four);
            assertThat(org.backpropstudio.i18n.NumberText.roundTo4(v)).as("%s", v).isEqualByComparingTo(exact);
            if (new java.math.BigDecimal(Double.toString(v)).round(four).compareTo(exact) != 0) {
                naiveWrong++;
            }
        }
        // the values include ones where rounding the short decimal form is wrong: the test can tell
        // the careful rounding from the naive one
        assertThat(naiveWrong).as("values where rounding Double.toString's digits gives another answer").isPositive();
    }
}

package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.TrainingConfig;
import org.backpropstudio.training.Command;
import org.backpropstudio.ui.editor.EditorModel;
import org.backpropstudio.ui.editor.ValidatedField;

/**
 * Random text typed into every numeric field of the editor never throws, and is applied only
 * when the field accepts it: an invalid text sends no command and leaves the applied setup as it
 * was.
 */
class EditorFuzzProperties {

    @Provide
    Arbitrary<String> typed() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "0", "-0", "1", "-1", "12", "256", "257", "1e6", "1e308", "1e309", "-1e308",
                        "4.9e-324", "1e-400", "NaN", "Infinity", "-Infinity", "0x10", "1_000", "1,5", "١٢", "1e", "e5",
                        ".", "-", "+3", "3.", ".5", "99999999999999999999", "full", "FULL", "0.999", "1.0", "2147483648",
                        "-2147483649", "9223372036854775808", "1d", "1f", "\u0000", "\t7\t"),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withChars("0123456789.-+eE ").ofMaxLength(10),
                Arbitraries.doubles().map(Object::toString));
    }

    @Property(tries = 3000, seed = "20261122")
    void randomTextNeverThrowsAndIsNeverAppliedWhenInvalid(@ForAll("typed") String text,
                                                           @ForAll("fieldIndex") int index) {
        List<Command> sent = new ArrayList<>();
        EditorModel editor = new EditorModel(sent::add);
        editor.load(Presets.get("classic-sigmoid"));
        List<ValidatedField<?>> fields = fields(editor);
        ValidatedField<?> field = fields.get(index % fields.size());
        TrainingConfig before = editor.applied();
        Object valueBefore = field.value();

        boolean accepted = field.enter(text);

        assertThat(accepted).isEqualTo(field.isValid());
        if (!accepted) {
            assertThat(field.errorProperty().get()).as("'%s' in %s", text, field.name()).isNotBlank();
            assertThat(sent).as("'%s' in %s sends nothing", text, field.name()).isEmpty();
            assertThat(field.value()).isEqualTo(valueBefore);
            assertThat(editor.applied()).isEqualTo(before);
        } else {
            assertThat(field.value()).isNotNull();
            for (Command c : sent) {
                if (c instanceof Command.SetOptimizer o) {
                    assertThat(o.optimizer().learningRate()).isFinite().isPositive().isLessThanOrEqualTo(1e6);
                } else if (c instanceof Command.ResizeLayer r) {
                    assertThat(r.units()).isBetween(1, EditorModel.MAX_UNITS);
                }
            }
        }
    }

    @Provide
    Arbitrary<Integer> fieldIndex() {
        return Arbitraries.integers().between(0, 1000);
    }

    /** Every numeric field: the optimizer's, batching's, the epochs', the seed's, the data's, each layer's units. */
    private static List<ValidatedField<?>> fields(EditorModel e) {
        List<ValidatedField<?>> all = new ArrayList<>(List.of(e.learningRate(), e.momentum(), e.decayLambda(),
                e.batchSize(), e.epochs(), e.seed(), e.xMin(), e.xMax(), e.trainCount(), e.testCount(), e.noise()));
        e.hiddenLayers().forEach(l -> all.add(l.units()));
        return all;
    }
}

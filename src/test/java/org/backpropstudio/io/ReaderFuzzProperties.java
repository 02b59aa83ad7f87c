package org.backpropstudio.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated and truncated versions of valid files: every one ends in a valid result or in the
 * typed {@link ImportException}, never in another exception, and quickly.
 */
class ReaderFuzzProperties {

    /** One edit of a text: where, what kind, and what it inserts. */
    record Mutation(double where, int kind, int length, String insert) {
        String apply(String text) {
            int at = (int) (where * text.length());
            int end = Math.min(text.length(), at + length);
            switch (kind) {
                case 0: return text.substring(0, at); // truncate
                case 1: return text.substring(0, at) + text.substring(end); // delete
                case 2: return text.substring(0, at) + insert + text.substring(at); // insert
                case 3: return text.substring(0, at) + insert + text.substring(end); // replace
                default: return text.substring(0, at) + text.substring(at, end) + text.substring(at); // duplicate
            }
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<String> inserts = Arbitraries.oneOf(
                Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "-", ".", "e", "1e999", "NaN", "null", "true",
                        "\"W\"", "\"units\": -1", "[[", "\n", "x,y", "\uFEFF", "\u0000", "9999999999"),
                Arbitraries.strings().ofMaxLength(6));
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(1, 40), inserts).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    private static String mutate(String text, List<Mutation> edits) {
        String t = text;
        for (Mutation m : edits) {
            t = m.apply(t);
        }
        return t;
    }

    @Property(tries = 2000, seed = "20261122")
    void weightsReaderEndsInAResultOrATypedError(@ForAll("mutations") List<Mutation> edits) throws Exception {
        String json = mutate(WeightsJsonTest.resource("hand-written.v1.weights.json"), edits);
        long start = System.nanoTime();
        try {
            WeightsFile w = WeightsJson.parse(json);
            assertThat(w.toNetwork().spec()).isEqualTo(w.network());
        } catch (ImportException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
        assertThat(System.nanoTime() - start).as("parse time, ns").isLessThan(2_000_000_000L);
    }

    @Property(tries = 2000, seed = "20261122")
    void csvReaderEndsInAResultOrATypedError(@ForAll("mutations") List<Mutation> edits) {
        String csv = mutate("x,y\n0.5,0.479425538604203\n-1,-0.8414709848078965\n2,0.9092974268256817\n", edits);
        try {
            assertThat(CsvFiles.parseData("fuzz.csv", csv).size()).isPositive();
        } catch (ImportException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.csv");
        }
    }

    @Property(tries = 1000, seed = "20261122")
    void experimentReaderEndsInAResultOrATypedError(@ForAll("mutations") List<Mutation> edits) {
        String json = mutate(ExperimentJson.toJson(new ExperimentJson.Experiment(
                org.backpropstudio.engine.Presets.get("linear-neuron"), null)), edits);
        try {
            assertThat(ExperimentJson.parse(json).config()).isNotNull();
        } catch (ImportException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}

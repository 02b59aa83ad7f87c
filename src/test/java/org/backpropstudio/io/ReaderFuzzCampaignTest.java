package org.backpropstudio.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.backpropstudio.engine.Presets;
import org.junit.jupiter.api.Test;

/**
 * The long fuzz run of the three readers: {@code -Dbps.fuzz=N} mutated and truncated versions of a
 * valid file per reader (200 in the build; the documented run used 20 000), each ending in a
 * valid result or the typed {@link ImportException}, never another exception. The figures go to
 * {@code target/reliability/reader-fuzz.txt}. (The jqwik properties in
 * {@link ReaderFuzzProperties} run the same mutations with shrinking.)
 */
class ReaderFuzzCampaignTest {

    private static final int TRIES = Integer.getInteger("bps.fuzz", 200);
    private static final String[] INSERTS = {"{", "}", "[", "]", ",", ":", "\"", "-", ".", "e", "1e999", "NaN", "null",
        "true", "\"W\"", "\"units\": -1", "[[", "\n", "x,y", "\uFEFF", "\u0000", "9999999999", "[".repeat(2000),
        "1".repeat(1200), "-Infinity", "\"version\": 2", "\"units\": 4096", "1e-400"};

    private interface Reader {
        void read(String text) throws ImportException;
    }

    @Test
    void everyMutatedFileEndsInAResultOrATypedError() throws Exception {
        String weights = WeightsJsonTest.resource("hand-written.v1.weights.json");
        String experiment = ExperimentJson.toJson(new ExperimentJson.Experiment(Presets.get("classic-sigmoid"), null));
        String csv = "x,y\n0.5,0.479425538604203\n-1,-0.8414709848078965\n2,0.9092974268256817\n";
        StringBuilder report = new StringBuilder();
        report.append(run("weights", weights, t -> WeightsJson.parse(t).toNetwork(), 1));
        report.append(run("experiment", experiment, ExperimentJson::parse, 2));
        report.append(run("csv", csv, t -> CsvFiles.parseData("fuzz.csv", t), 3));
        Files.createDirectories(Path.of("target", "reliability"));
        Files.writeString(Path.of("target", "reliability", "reader-fuzz.txt"), report);
    }

    private static String run(String name, String valid, Reader reader, long seed) {
        Random r = new Random(20_261_122L * seed);
        int accepted = 0;
        int refused = 0;
        long slowest = 0;
        for (int i = 0; i < TRIES; i++) {
            String text = mutate(valid, r);
            long start = System.nanoTime();
            try {
                reader.read(text);
                accepted++;
            } catch (ImportException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                refused++;
            } catch (RuntimeException e) {
                throw new AssertionError(name + " reader, try " + i + ": " + e + " for:\n" + text, e);
            }
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        assertThat(slowest).as("slowest parse, ns").isLessThan(2_000_000_000L);
        return String.format(Locale.ROOT, "%s reader: %,d mutated files, %,d read, %,d refused with the typed error, "
                + "slowest %.1f ms%n", name, TRIES, accepted, refused, slowest / 1e6);
    }

    /** One to four truncations, deletions, insertions, replacements or duplications. */
    private static String mutate(String text, Random r) {
        String t = text;
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            String insert = r.nextBoolean() ? INSERTS[r.nextInt(INSERTS.length)] : randomString(r);
            ReaderFuzzProperties.Mutation m = new ReaderFuzzProperties.Mutation(r.nextDouble(), r.nextInt(5),
                    1 + r.nextInt(40), insert);
            t = m.apply(t);
        }
        return t;
    }

    private static String randomString(Random r) {
        int n = r.nextInt(7);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) (r.nextInt(4) == 0 ? r.nextInt(0x3000) : 32 + r.nextInt(95)));
        }
        return b.toString();
    }
}

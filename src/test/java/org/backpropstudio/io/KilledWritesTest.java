package org.backpropstudio.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.backpropstudio.engine.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes killed with SIGKILL at random moments, in a separate JVM: the targets are always a
 * complete version, old or new, never a mixture or a torn file; the temporary files a kill leaves
 * behind are never read, and the next write of the same file removes the stale ones.
 * {@code -Dbps.kills=N} sets the number of kills (24 by default); the figures go to
 * {@code target/reliability/killed-writes.txt}.
 */
class KilledWritesTest {

    private static final int KILLS = Integer.getInteger("bps.kills", 24);

    @TempDir
    Path dir;

    @org.junit.jupiter.api.Tag("campaign") // sized by bps.kills: 4 by default, 24 with -Psoak
    @Test
    void aKilledWriteLeavesTheOldOrTheNewFileComplete() throws Exception {
        Path csv = dir.resolve("export.csv");
        Path json = dir.resolve("run.bps.json");
        CsvFiles.writeData(csv, KilledWriter.export(0));
        ExperimentJson.write(json, KilledWriter.experiment(0));
        Random random = new Random(20_261_122L);
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int version = 1;
        int leftovers = 0;
        int[] seen = new int[2];
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = new ProcessBuilder(javaBinary, "-cp", System.getProperty("java.class.path"),
                    KilledWriter.class.getName(), csv.toString(), json.toString(), Integer.toString(version))
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).as("the writer started").isEqualTo("writing");
                Thread.sleep(random.nextInt(400)); // somewhere in a later write
                child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            int csvVersion = checkExport(csv);
            int jsonVersion = checkExperiment(json);
            assertThat(csvVersion).isBetween(version - 1, version + 1000);
            assertThat(jsonVersion).isBetween(version - 1, version + 1000);
            seen[0] = Math.max(seen[0], csvVersion);
            seen[1] = Math.max(seen[1], jsonVersion);
            version = Math.max(csvVersion, jsonVersion) + 1;
            leftovers = Math.max(leftovers, temporaryFiles().size());
        }
        // the leftovers of the last kill, found by the next session's first write of each file
        for (Path t : temporaryFiles()) {
            Files.setLastModifiedTime(t, FileTime.from(Instant.now().minusSeconds(3600)));
        }
        int before = temporaryFiles().size();
        CsvFiles.writeData(csv, KilledWriter.export(version));
        ExperimentJson.write(json, KilledWriter.experiment(version));
        assertThat(temporaryFiles()).as("stale temporary files are removed by the next write").isEmpty();
        Files.createDirectories(Path.of("target", "reliability"));
        Files.writeString(Path.of("target", "reliability", "killed-writes.txt"), String.format(java.util.Locale.ROOT,
                "killed writes: %d SIGKILLs of a JVM writing a %.1f MB CSV export and a %.1f MB experiment in turn; "
                + "every time both targets parsed as one complete version (last versions: export %d, experiment %d); "
                + "at most %d temporary files were left after a kill, %d after the last, removed by the next write%n",
                KILLS, Files.size(csv) / 1e6, Files.size(json) / 1e6, seen[0], seen[1], leftovers, before));
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** The export's version, after checking that every row belongs to it. */
    private static int checkExport(Path csv) throws ImportException {
        Dataset d = CsvFiles.readData(csv);
        assertThat(d.size()).isEqualTo(KilledWriter.ROWS);
        double[] ys = d.yColumn();
        int k = (int) Math.floor(ys[0]);
        for (int i = 0; i < ys.length; i += 997) {
            assertThat(ys[i]).as("row %d of version %d", i, k).isEqualTo(k + (double) i / KilledWriter.ROWS);
        }
        assertThat(ys[ys.length - 1]).isEqualTo(k + (double) (ys.length - 1) / KilledWriter.ROWS);
        return k;
    }

    /** The experiment's version, after checking that its whole history belongs to it. */
    private static int checkExperiment(Path json) throws ImportException {
        ExperimentJson.Experiment e = ExperimentJson.read(json);
        int k = (int) e.config().seed();
        double[] values = e.history().trainMax();
        assertThat(values).hasSize(KilledWriter.BUCKETS);
        assertThat(values[0]).isEqualTo(k);
        assertThat(values[values.length - 1]).isEqualTo(k + KilledWriter.BUCKETS - 1);
        return k;
    }
}

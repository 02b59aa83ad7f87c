package org.backpropstudio.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST's four files found from any one of them and read with their progress. */
class IdxDatasetTest {

    @TempDir
    Path dir;

    /** A tiny dataset of n images of 2 × 2 in MNIST's file names; plain files. */
    private Path write(int train, int test) throws Exception {
        for (String set : new String[] {"train", "t10k"}) {
            int n = set.equals("train") ? train : test;
            java.io.ByteArrayOutputStream images = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream out = new java.io.DataOutputStream(images);
            out.writeInt(IdxFiles.IMAGES_MAGIC);
            out.writeInt(n);
            out.writeInt(2);
            out.writeInt(2);
            for (int i = 0; i < 4 * n; i++) {
                out.writeByte(i % 256);
            }
            Files.write(dir.resolve(set + "-images-idx3-ubyte"), images.toByteArray());
            java.io.ByteArrayOutputStream labels = new java.io.ByteArrayOutputStream();
            out = new java.io.DataOutputStream(labels);
            out.writeInt(IdxFiles.LABELS_MAGIC);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeByte(i % 10);
            }
            Files.write(dir.resolve(set + "-labels-idx1-ubyte"), labels.toByteArray());
        }
        return dir.resolve("t10k-labels-idx1-ubyte");
    }

    @Test
    void anyOfTheFourFindsTheOthersAndTheProgressRisesToOne() throws Exception {
        Path any = write(30, 12);
        List<Double> progress = new ArrayList<>();
        IdxDataset.Sets sets = IdxDataset.read(any, progress::add);
        assertEquals(30, sets.train().size());
        assertEquals(12, sets.test().size());
        assertEquals(4, sets.train().x().numCols);
        assertEquals(7, sets.train().label(17));
        assertEquals(5 / 255.0, sets.train().input(1, 1), 1e-15); // byte 5 of the pixels, scaled
        assertEquals(1.0, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1));
        }
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path any = write(3, 3);
        Files.delete(dir.resolve("train-labels-idx1-ubyte"));
        ImportException e = assertThrows(ImportException.class, () -> IdxDataset.read(any, p -> { }));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());
        Path other = Files.writeString(dir.resolve("digits.csv"), "x1,label\n");
        assertTrue(assertThrows(ImportException.class, () -> IdxDataset.files(other)).getMessage()
                .contains("not one of MNIST's four files"));
    }

    @Test
    void anExperimentNamesTheDigitsItTrainsOnInsteadOfHoldingThem() throws Exception {
        // the bundled digits: a few hundred characters, not 49 MB; read back, the same digits
        org.backpropstudio.engine.TrainingConfig digits = PresetCatalog.get(org.backpropstudio.engine.Presets.DIGITS_SOFTMAX)
                .config();
        String json = ExperimentJson.toJson(new ExperimentJson.Experiment(digits, null, null, List.of()));
        assertTrue(json.length() < 5_000, json.length() + " characters");
        var back = (org.backpropstudio.engine.DataSpec.LabelledData) ExperimentJson.parse(json).config().data();
        assertEquals(BundledDigits.SOURCE, back.source());
        var before = (org.backpropstudio.engine.DataSpec.LabelledData) digits.data();
        assertEquals(before.train().size(), back.train().size());
        assertEquals(before.test().label(77), back.test().label(77));
        assertEquals(before.train().input(5, 400), back.train().input(5, 400));

        // a dataset read from MNIST's files: their path, read again when opened
        Path any = write(30, 12);
        IdxDataset.Sets sets = IdxDataset.read(any, p -> { });
        var data = new org.backpropstudio.engine.DataSpec.LabelledData(sets.train(), sets.test(), 10).from(sets.source());
        String saved = ExperimentJson.toJson(new ExperimentJson.Experiment(digits.withData(data), null, null, List.of()));
        assertTrue(saved.contains(IdxDataset.SOURCE_PREFIX + dir.resolve("train-images-idx3-ubyte").toAbsolutePath()));
        var opened = (org.backpropstudio.engine.DataSpec.LabelledData) ExperimentJson.parse(saved).config().data();
        assertEquals(30, opened.train().size());
        assertEquals(sets.test().input(3, 2), opened.test().input(3, 2));
        // the files gone: a clear refusal naming them
        Files.delete(dir.resolve("train-images-idx3-ubyte"));
        ImportException gone = assertThrows(ImportException.class, () -> ExperimentJson.parse(saved));
        assertTrue(gone.getMessage().contains("train-images-idx3-ubyte"), gone.getMessage());
    }
}

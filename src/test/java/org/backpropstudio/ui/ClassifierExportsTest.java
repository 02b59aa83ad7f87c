package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.backpropstudio.engine.Presets;
import org.backpropstudio.io.CsvFiles;
import org.backpropstudio.training.ClassReport;
import org.backpropstudio.training.Command;
import org.backpropstudio.training.Snapshot;
import org.backpropstudio.training.TrainingService;
import org.junit.jupiter.api.Test;

/** File → Export for a classifier: its history with accuracies, its class probabilities, its labelled samples. */
class ClassifierExportsTest {

    private Snapshot trained(String preset, int epochs) {
        return trained(org.backpropstudio.io.PresetCatalog.get(preset).config(), epochs);
    }

    private Snapshot trained(org.backpropstudio.engine.TrainingConfig config, int epochs) {
        TrainingService service = new TrainingService(config,
                () -> 0L /* a clock that stands still: a Step's whole epoch in one tick */);
        for (int e = 0; e < epochs; e++) {
            service.submit(new Command.Step());
            int before = service.snapshotNow().epoch();
            while (service.snapshotNow().epoch() == before) {
                service.tick();
            }
        }
        return service.snapshotNow();
    }

    @Test
    void theHistoryHasTheAccuraciesOfEachEpoch() {
        Snapshot s = trained("circle-relu", 3);
        String[] lines = FileActions.historyCsv(s).split("\n");
        assertThat(lines[0]).isEqualTo(CsvFiles.CLASSIFIER_HISTORY_HEADER);
        assertThat(lines).hasSize(4);
        String[] last = lines[3].split(",");
        assertThat(Integer.parseInt(last[0])).isEqualTo(3);
        assertThat(Double.parseDouble(last[3])).isEqualTo(s.trainAccuracy());
        assertThat(Double.parseDouble(last[4])).isEqualTo(s.testAccuracy());
        // a curve's keeps its three columns
        assertThat(FileActions.historyCsv(trained(Presets.DEFAULT, 1)).split("\n")[0]).isEqualTo(CsvFiles.HISTORY_HEADER);
    }

    @Test
    void thePlanesPredictionsAreItsClassProbabilitiesOverTheMap() {
        Snapshot s = trained("spiral-relu", 1);
        ClassReport.Plane p = (ClassReport.Plane) s.classes();
        String[] lines = FileActions.predictionsCsv(s).split("\n");
        assertThat(lines[0]).isEqualTo("x1,x2,p0,p1,p2");
        assertThat(lines).hasSize(1 + p.resolution() * p.resolution());
        String[] cell = lines[1 + 5 * p.resolution() + 7].split(","); // row 5, column 7
        assertThat(Double.parseDouble(cell[0])).isEqualTo(p.coordinate(7));
        assertThat(Double.parseDouble(cell[1])).isEqualTo(-p.coordinate(5));
        assertThat(Float.parseFloat(cell[3])).isEqualTo(p.probabilities()[(5 * p.resolution() + 7) * 3 + 1]);
    }

    @Test
    void aClassifiersSamplesAreWrittenAsItsLabelledDataAndReadBackTheSame() throws Exception {
        Snapshot s = trained("spiral-relu", 1);
        String text = FileActions.dataCsv(s, s.train());
        assertThat(text).startsWith("x1,x2,x3,x4,label\n");
        var back = CsvFiles.parseLabelled("train.csv", text, 3);
        assertThat(back.size()).isEqualTo(s.train().size());
        assertThat(back.label(11)).isEqualTo(s.train().label(11));
        assertThat(back.input(11, 2)).isEqualTo(s.train().input(11, 2));
    }

    @Test
    void theDigitsPredictionsAreTheGridsTestImages() {
        Snapshot s = trained(org.backpropstudio.training.ClassReportTest.smallDigits(), 0);
        ClassReport.Images m = (ClassReport.Images) s.classes();
        String[] lines = FileActions.predictionsCsv(s).split("\n");
        assertThat(lines[0]).isEqualTo("test_index,label,predicted,p0,p1,p2,p3,p4,p5,p6,p7,p8,p9");
        assertThat(lines).hasSize(1 + m.shown());
        String[] third = lines[3].split(",");
        assertThat(Integer.parseInt(third[1])).isEqualTo(s.test().label(2));
        assertThat(Integer.parseInt(third[2])).isEqualTo(m.predicted(2));
    }
}

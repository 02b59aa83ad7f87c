package org.backpropstudio.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backpropstudio.training.GradientReport;
import org.backpropstudio.training.TrainingService;

/**
 * A small window with the last gradient check: per parameter, the largest absolute and relative
 * difference between backprop and central differences, green below the 1e-6 bar and red above.
 */
final class GradientCheckWindow {

    private final Stage stage = new Stage();
    private final VBox content = new VBox(8);
    private final Label verdict = new Label();
    private final Label how = new Label();
    private final GridPane table = new GridPane();
    /**
     * The table's rows below its head, kept from report to report: six text nodes each. Text
     * nodes, not labels: showing a window restyles everything in it (JavaFX reapplies CSS to the
     * scene at each show), and a label is a control with a skin and a text node of its own.
     */
    private final List<Text[]> rows = new ArrayList<>();

    /**
     * Builds the window and styles it once with an empty report, hidden: a check's first report
     * would otherwise create and style some forty labels while the studio trains (80–120 ms of
     * the FX thread in docs/reliability.md's runs).
     */
    GradientCheckWindow(Window owner, String stylesheet) {
        stage.initOwner(owner);
        stage.titleProperty().bind(Localized.text("gradcheck.title"));
        content.setPadding(new Insets(14));
        content.setId("gradient-check");
        Scene scene = new Scene(content);
        scene.getStylesheets().add(stylesheet);
        content.getStyleClass().add("studio");
        stage.setScene(scene);
        verdict.setId("gradient-verdict");
        verdict.getStyleClass().add("section-title");
        how.getStyleClass().add("caption");
        table.setHgap(18);
        table.setVgap(4);
        table.getStyleClass().add("gradient-table");
        String[] heads = {"layer", "parameter", "checked", "kink", "abs", "rel"};
        for (int c = 0; c < heads.length; c++) {
            Text h = new Text();
            h.textProperty().bind(Localized.text("gradcheck.head." + heads[c]));
            h.getStyleClass().add("gradient-head");
            table.add(h, c, 0);
        }
        Label note = Localized.bind(new Label(), "gradcheck.note");
        note.getStyleClass().add("caption");
        note.setWrapText(true);
        note.setMaxWidth(560);
        // a way out that can be seen, and Escape, as every dialog of the studio has
        javafx.scene.control.Button close = Localized.bind(new javafx.scene.control.Button(), "dialog.close");
        close.setId("gradient-close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.hide());
        javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        content.getChildren().setAll(verdict, how, table, note, buttons);
        content.setAlignment(Pos.TOP_LEFT);
        fill(new GradientReport(0, 0, 0, List.of(
                new GradientReport.Row("W", 1, 0, 0, 0, 0), new GradientReport.Row("b", 1, 0, 0, 0, 0)), 1));
        content.applyCss();
        content.layout();
    }

    /** Shows a report (replacing the one shown). */
    void show(GradientReport r) {
        fill(r);
        stage.sizeToScene();
        stage.show();
        stage.toFront();
    }

    private void fill(GradientReport r) {
        Localized.bind(verdict, r.passed() ? "gradcheck.passed" : "gradcheck.failed");
        mark(verdict, r.passed());
        Localized.bind(how, "gradcheck.how", org.backpropstudio.i18n.Messages.integer(r.epoch()),
                r.samples(), org.backpropstudio.i18n.NumberText.plain(r.epsilon()), org.backpropstudio.i18n.NumberText.plain(r.tolerance()));
        while (rows.size() < r.rows().size()) {
            Text[] row = new Text[6];
            for (int c = 0; c < row.length; c++) {
                row[c] = new Text();
                row[c].getStyleClass().add("gradient-cell");
                table.add(row[c], c, rows.size() + 1);
            }
            rows.add(row);
        }
        for (int k = 0; k < rows.size(); k++) {
            Text[] row = rows.get(k);
            boolean shown = k < r.rows().size();
            for (Text cell : row) {
                cell.setVisible(shown);
                cell.setManaged(shown);
            }
            if (!shown) {
                continue;
            }
            GradientReport.Row x = r.rows().get(k);
            row[0].setText(Integer.toString(x.layer()));
            row[1].setText(x.parameter());
            row[2].setText(Integer.toString(x.entries()));
            row[3].setText(Integer.toString(x.straddled()));
            row[4].setText(String.format(Locale.ROOT, "%.3e", x.maxAbsolute()));
            row[5].setText(String.format(Locale.ROOT, "%.3e", x.maxRelative()));
            mark(row[5], x.maxRelative() < r.tolerance());
        }
    }

    /** Green for a check passed, red for one failed (nodes are reused from report to report). */
    private static void mark(javafx.scene.Node node, boolean passed) {
        node.getStyleClass().removeAll("check-passed", "check-failed");
        node.getStyleClass().add(passed ? "check-passed" : "check-failed");
    }
}

package org.backpropstudio.ui;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
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

    GradientCheckWindow(Window owner, String stylesheet) {
        stage.initOwner(owner);
        stage.titleProperty().bind(Localized.text("gradcheck.title"));
        content.setPadding(new Insets(14));
        content.setId("gradient-check");
        Scene scene = new Scene(content);
        scene.getStylesheets().add(stylesheet);
        content.getStyleClass().add("studio");
        stage.setScene(scene);
    }

    /** Shows a report (replacing the one shown). */
    void show(GradientReport r) {
        Label verdict = Localized.bind(new Label(), r.passed() ? "gradcheck.passed" : "gradcheck.failed");
        verdict.setId("gradient-verdict");
        verdict.getStyleClass().addAll("section-title", r.passed() ? "check-passed" : "check-failed");
        Label how = Localized.bind(new Label(), "gradcheck.how", org.backpropstudio.i18n.Messages.integer(r.epoch()),
                r.samples(), TrainingService.number(r.epsilon()), TrainingService.number(r.tolerance()));
        how.getStyleClass().add("caption");
        GridPane table = new GridPane();
        table.setHgap(18);
        table.setVgap(4);
        String[] heads = {"layer", "parameter", "checked", "kink", "abs", "rel"};
        for (int c = 0; c < heads.length; c++) {
            Label h = Localized.bind(new Label(), "gradcheck.head." + heads[c]);
            h.getStyleClass().add("field-name");
            table.add(h, c, 0);
        }
        int row = 1;
        for (GradientReport.Row x : r.rows()) {
            boolean ok = x.maxRelative() < r.tolerance();
            table.add(new Label(Integer.toString(x.layer())), 0, row);
            table.add(new Label(x.parameter()), 1, row);
            table.add(new Label(Integer.toString(x.entries())), 2, row);
            table.add(new Label(Integer.toString(x.straddled())), 3, row);
            table.add(new Label(String.format(Locale.ROOT, "%.3e", x.maxAbsolute())), 4, row);
            Label rel = new Label(String.format(Locale.ROOT, "%.3e", x.maxRelative()));
            rel.getStyleClass().add(ok ? "check-passed" : "check-failed");
            table.add(rel, 5, row);
            row++;
        }
        Label note = Localized.bind(new Label(), "gradcheck.note");
        note.getStyleClass().add("caption");
        note.setWrapText(true);
        note.setMaxWidth(560);
        content.getChildren().setAll(verdict, how, table, note);
        content.setAlignment(Pos.TOP_LEFT);
        stage.sizeToScene();
        stage.show();
        stage.toFront();
    }
}

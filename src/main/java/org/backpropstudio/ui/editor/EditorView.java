package org.backpropstudio.ui.editor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.LossKind;
import org.backpropstudio.engine.Reduction;
import org.backpropstudio.engine.TargetFunction;
import org.backpropstudio.engine.WeightDecay;
import org.backpropstudio.training.TrainingService;
import org.backpropstudio.ui.Deferred;
import org.backpropstudio.ui.Localized;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The network editor pane: binds every field of the {@link EditorModel}. A text field shows its
 * error under it as you type and applies its value on Enter or when you leave it.
 */
public final class EditorView extends ScrollPane {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final EditorModel model;
    private final VBox layerRows = new VBox(6);
    /** Lecture mode: only the common controls (hidden layers, learning rate, epochs) are shown. */
    private final javafx.beans.property.BooleanProperty lecture = new javafx.beans.property.SimpleBooleanProperty();

    public EditorView(EditorModel model) {
        this.model = model;
        getStyleClass().add("editor");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        Label message = new Label();
        message.getStyleClass().add("editor-message");
        message.setId("editor-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Label folded = caption("editor.folded");
        folded.visibleProperty().bind(lecture);
        folded.managedProperty().bind(folded.visibleProperty());
        VBox content = new VBox(10,
                section("editor.network"),
                inputCaption(),
                layerRows,
                addLayerButton(),
                section("editor.training"),
                learningRateRow(),
                reboundNote(),
                sumStepNote(),
                field(model.epochs(), "tip.epochs"),
                curveOnly(outOfLecture(
                        section("editor.data"),
                        givenDataNote(),
                        row("target", targetBox()),
                        expressionRow(),
                        field(model.xMin(), "tip.xMin"),
                        field(model.xMax(), "tip.xMax"),
                        field(model.trainCount(), "tip.trainCount"),
                        field(model.testCount(), "tip.testCount"),
                        field(model.noise(), "tip.noise"))),
                classifierNote(),
                outOfLecture(advancedToggle()),
                advanced(() -> new Node[] {
                        subheading("editor.network"),
                        row("output activation", choice(Activation.values(), model.outputActivationProperty(),
                                "tip.outputActivation")),
                        row("loss", choice(LossKind.values(), model.lossProperty(),
                                "tip.loss")),
                        row("reduction", choice(Reduction.values(), model.reductionProperty(),
                                "tip.reduction")),
                        subheading("editor.training"),
                        row("optimizer", choice(EditorModel.OPTIMIZERS.toArray(new String[0]),
                                model.optimizerProperty(), "tip.optimizer")),
                        field(model.momentum(), "tip.momentum"),
                        row("weight decay kind", choice(WeightDecay.Kind.values(), model.decayKindProperty(),
                                "tip.decayKind")),
                        field(model.decayLambda(), "tip.decayLambda"),
                        field(model.batchSize(), "tip.batchSize"),
                        check("editor.shuffle", model.shuffleProperty(), "tip.shuffle"),
                        check("editor.dropLast", model.dropLastProperty(), "tip.dropLast"),
                        field(model.seed(), "tip.seed"),
                        curveOnly(new VBox(10, subheading("editor.data"),
                                optionalField(model.testXMin(), "tip.testXMin"),
                                optionalField(model.testXMax(), "tip.testXMax"),
                                row("x spacing", choice(DataSpec.Sampling.values(), model.samplingProperty(),
                                        "tip.sampling")),
                                check("editor.streaming", model.streamingProperty(), "tip.streaming")))}),
                folded,
                message);
        content.getStyleClass().add("editor-content");
        setContent(content);

        model.hiddenLayers().addListener((ListChangeListener<LayerRow>) c -> rebuildRows());
        rebuildRows();
    }

    /**
     * The rows' controls, by position: row k shows the k-th hidden layer. A layer added takes the
     * next row, made the first time and kept; a layer removed or a setup loaded only changes which
     * layer each row shows, and rows past the last layer are hidden. So rows never leave the
     * window: a node that joins a window is styled from nothing, and new controls make their
     * skins too, tens of milliseconds a row while the JIT is cold (docs/reliability.md); showing
     * another layer in a row is a few bindings.
     */
    private final List<RowView> rowViews = new java.util.ArrayList<>();
    /** "No hidden layers", first in {@link #layerRows} and shown only then. */
    private Label emptyCaption;

    private void rebuildRows() {
        List<LayerRow> rows = model.hiddenLayers();
        if (emptyCaption == null) {
            emptyCaption = caption("editor.noHidden");
            emptyCaption.managedProperty().bind(emptyCaption.visibleProperty());
            layerRows.getChildren().add(emptyCaption);
        }
        emptyCaption.setVisible(rows.isEmpty());
        while (rowViews.size() < rows.size()) {
            RowView v = new RowView(rowViews.size() + 1);
            rowViews.add(v);
            layerRows.getChildren().add(v.node);
        }
        for (int k = 0; k < rowViews.size(); k++) {
            rowViews.get(k).show(k < rows.size() ? rows.get(k) : null);
        }
    }

    /**
     * The controls of the n-th hidden layer's row (from 1), and which layer they show: null while
     * the row is hidden, past the last layer.
     */
    private final class RowView {
        private LayerRow shown;
        private final TextField units = committingBox(() -> shown == null ? null : shown.units());
        private final ComboBox<Activation> activation;
        private final Label error = errorLabel();
        private final VBox node;
        private final javafx.beans.value.ChangeListener<String> markInvalid = marksInvalid(units);

        RowView(int n) {
            Label name = new Label();
            name.getStyleClass().add("field-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.textProperty().bind(Localized.text("editor.layer", n));
            units.setId("units-" + n);
            units.setPrefColumnCount(4);
            units.setTooltip(new Tooltip());
            units.getTooltip().textProperty().bind(Localized.text("tip.units", n, EditorModel.MAX_UNITS));
            Button down = smallButton("mdi2m-minus", "tip.unitFewer", () -> nudge(-1));
            Button up = smallButton("mdi2p-plus", "tip.unitMore", () -> nudge(+1));
            activation = choice(Activation.values(), null, null);
            activation.setId("activation-" + n);
            activation.getStyleClass().add("layer-activation");
            activation.setTooltip(new Tooltip());
            activation.getTooltip().textProperty().bind(Localized.text("tip.activation", n));
            Button remove = smallButton("mdi2c-close", null, () -> {
                if (shown != null) {
                    model.removeLayer(shown);
                }
            });
            remove.setId("remove-" + n);
            remove.setTooltip(new Tooltip());
            remove.getTooltip().textProperty().bind(Localized.text("tip.removeLayer", n));
            HBox line = new HBox(4, name, down, units, up, activation, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            node = new VBox(2, line, error);
            node.managedProperty().bind(node.visibleProperty());
        }

        /** Shows layer {@code r} in this row, or hides the row (null). */
        void show(LayerRow r) {
            if (r == shown) {
                return;
            }
            if (shown != null) {
                units.textProperty().unbindBidirectional(shown.units().textProperty());
                shown.units().errorProperty().removeListener(markInvalid);
                activation.valueProperty().unbindBidirectional(shown.activationProperty());
                error.textProperty().unbind();
                error.visibleProperty().unbind();
            }
            shown = r;
            node.setVisible(r != null);
            if (r == null) {
                error.setVisible(false);
                return;
            }
            units.textProperty().bindBidirectional(r.units().textProperty());
            r.units().errorProperty().addListener(markInvalid);
            units.pseudoClassStateChanged(INVALID, !r.units().errorProperty().get().isEmpty());
            activation.valueProperty().bindBidirectional(r.activationProperty());
            showError(error, r.units());
        }

        private void nudge(int delta) {
            if (shown != null) {
                Integer now = shown.units().value();
                int next = Math.max(1, Math.min(EditorModel.MAX_UNITS, (now == null ? 1 : now) + delta));
                shown.units().enter(Integer.toString(next));
            }
        }
    }

    private Node addLayerButton() {
        Button add = Localized.bind(new Button(null, new FontIcon("mdi2p-plus")), "editor.addLayer");
        add.setId("add-layer");
        add.setTooltip(Localized.tooltip("tip.addLayer"));
        add.setOnAction(e -> model.addLayer());
        return add;
    }

    private Node learningRateRow() {
        ValidatedField<Double> lr = model.learningRate();
        TextField text = textField(lr);
        text.setId("learning-rate");
        text.setTooltip(Localized.tooltip("tip.learningRate"));
        // the slider moves over log10(lr) from 1e-5 to 10 and applies when released
        Slider slider = new Slider(Math.log10(EditorModel.SLIDER_MIN_LEARNING_RATE),
                Math.log10(EditorModel.SLIDER_MAX_LEARNING_RATE), -1);
        slider.setId("learning-rate-slider");
        slider.setTooltip(Localized.tooltip("tip.learningRateSlider"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        boolean[] syncing = {false};
        // the knob shows the rate that runs: it follows each applied value (reading the value on a
        // text change showed the one before, since a typed text is applied only when committed)
        Runnable fromApplied = () -> {
            Double v = lr.value();
            if (v != null && v > 0 && !slider.isValueChanging()) {
                syncing[0] = true;
                slider.setValue(Math.log10(v));
                syncing[0] = false;
            }
        };
        lr.appliedProperty().addListener(o -> fromApplied.run());
        fromApplied.run();
        slider.valueProperty().addListener((o, a, b) -> {
            if (!syncing[0]) {
                double v = Math.pow(10, Math.round(b.doubleValue() * 20) / 20.0);
                lr.textProperty().set(org.backpropstudio.i18n.NumberText.plain(Double.parseDouble(String.format(Locale.ROOT, "%.2g", v))));
                if (!slider.isValueChanging()) {
                    lr.commit();
                }
            }
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                lr.commit();
            }
        });
        Label name = fieldName(lr.name());
        HBox line = new HBox(6, name, slider, text);
        line.setAlignment(Pos.CENTER_LEFT);
        text.setPrefColumnCount(6);
        return new VBox(2, line, errorLabel(lr));
    }

    /**
     * The list of target functions. While a typed target is the one applied, the box says so
     * ("(typed below)") instead of naming the function that no longer runs.
     */
    private ComboBox<TargetFunction> targetBox() {
        ComboBox<TargetFunction> box = choice(TargetFunction.values(), model.targetProperty(), "tip.target");
        box.setId("target-function");
        final class Shown extends javafx.scene.control.ListCell<TargetFunction> {
            @Override
            protected void updateItem(TargetFunction item, boolean empty) {
                super.updateItem(item, empty);
                String typed = model.expression().value();
                setText(typed != null && !typed.isBlank() ? Localized.t("editor.target.typed")
                        : empty || item == null ? null : item.formula());
            }

            void refresh() {
                updateItem(getItem(), isEmpty());
            }
        }
        Shown shown = new Shown();
        Runnable install = () -> {
            box.setButtonCell(shown);
            shown.refresh();
        };
        install.run();
        Localized.onSwitch(box, install); // after the names' own cell, which a switch makes anew
        model.expression().appliedProperty().addListener(o -> shown.refresh());
        return box;
    }

    /** The typed target: its error shows the text with a caret under the bad character, in monospace. */
    private Node expressionRow() {
        ValidatedField<String> f = model.expression();
        TextField text = textField(f);
        text.setId("expression");
        text.promptTextProperty().bind(Localized.text("editor.expression.prompt"));
        text.setTooltip(Localized.tooltip("tip.expression"));
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(6, fieldName(f.name()), text);
        line.setAlignment(Pos.CENTER_LEFT);
        Label error = errorLabel(f);
        error.setId("expression-error");
        error.setWrapText(true); // a long reason wraps rather than being cut ("unknown name 'y' (use x, ...")
        error.getStyleClass().add("expression-error");
        return new VBox(2, line, error);
    }

    private Node field(ValidatedField<?> f, String tip) {
        return field(f, tip, null);
    }

    private Node field(ValidatedField<?> f, String tipKey, String promptKey) {
        TextField text = textField(f);
        if (promptKey != null) {
            text.promptTextProperty().bind(Localized.text(promptKey));
        }
        text.setId(ValidatedField.idOf(f.name()));
        text.setTooltip(Localized.tooltip(tipKey));
        text.setPrefColumnCount(8);
        HBox line = new HBox(6, fieldName(f.name()), text);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, line, errorLabel(f));
    }

    /** A field that may stay empty, saying so in its prompt. */
    private Node optionalField(ValidatedField<?> f, String tip) {
        return field(f, tip, "editor.asTraining");
    }

    private static TextField textField(ValidatedField<?> f) {
        TextField text = committingBox(() -> f);
        text.textProperty().bindBidirectional(f.textProperty());
        f.errorProperty().addListener(marksInvalid(text));
        return text;
    }

    /**
     * A text box that commits what is typed, on Enter and when it loses focus, to the field
     * {@code field} gives at that moment (none while it gives null). The caller binds its text.
     */
    private static TextField committingBox(java.util.function.Supplier<ValidatedField<?>> field) {
        TextField text = new TextField();
        text.getProperties().put(REVERT, (Runnable) () -> {
            ValidatedField<?> f = field.get();
            if (f != null) {
                f.revert();
            }
        });
        text.setOnAction(e -> commit(field.get()));
        text.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit(field.get());
            }
        });
        return text;
    }

    /**
     * Key of a field box's property holding what Escape does in it (a {@link Runnable}): put back
     * the text of the value that runs. The window's key handling calls it before leaving the field.
     */
    public static final String REVERT = "backprop-studio.revert";

    private static void commit(ValidatedField<?> f) {
        if (f != null) {
            f.commit();
        }
    }

    /** Marks {@code text} invalid while the error it listens to is not empty. */
    private static javafx.beans.value.ChangeListener<String> marksInvalid(TextField text) {
        return (o, was, now) -> text.pseudoClassStateChanged(INVALID, !now.isEmpty());
    }

    private static Label errorLabel(ValidatedField<?> f) {
        Label error = errorLabel();
        showError(error, f);
        return error;
    }

    /** A field's error line, shown only while there is an error; {@link #showError} binds it. */
    private static Label errorLabel() {
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private static void showError(Label error, ValidatedField<?> f) {
        error.textProperty().bind(f.errorProperty());
        error.visibleProperty().bind(f.errorProperty().isNotEmpty());
    }

    /** A drop-down of {@code values} bound both ways to {@code property} (null: the caller binds it). */
    private static <T> ComboBox<T> choice(T[] values, javafx.beans.property.ObjectProperty<T> property, String tipKey) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(Arrays.asList(values));
        if (property != null) {
            box.valueProperty().bindBidirectional(property);
        }
        if (tipKey != null) {
            box.setTooltip(Localized.tooltip(tipKey));
        }
        // names that are words follow the language; technical names (sigmoid, half_mse, sgd) stay
        Localized.choices(box, t -> {
            if (t instanceof Activation a) {
                return a.wireName();
            }
            if (t instanceof TargetFunction f) {
                return f.formula();
            }
            if (t instanceof DataSpec.Sampling || t instanceof WeightDecay.Kind) {
                return Localized.t("choice." + t.toString().toLowerCase(Locale.ROOT));
            }
            return t.toString().toLowerCase(Locale.ROOT);
        });
        return box;
    }

    private static Node check(String textKey, javafx.beans.property.BooleanProperty property, String tipKey) {
        CheckBox box = Localized.bind(new CheckBox(), textKey);
        box.selectedProperty().bindBidirectional(property);
        box.setTooltip(Localized.tooltip(tipKey));
        return box;
    }

    /** In lecture mode these controls are folded away. */
    public javafx.beans.property.BooleanProperty lectureProperty() {
        return lecture;
    }

    /**
     * Whether the Advanced section is unfolded (remembered by the studio for the next start).
     * Folded, the editor shows what students change: hidden layers, activations, the learning
     * rate, the epochs and the data.
     */
    public javafx.beans.property.BooleanProperty advancedOpenProperty() {
        return advancedOpen;
    }

    private final javafx.beans.property.BooleanProperty advancedOpen = new javafx.beans.property.SimpleBooleanProperty();

    /** Controls shown except in lecture mode. */
    private VBox outOfLecture(Node... nodes) {
        VBox box = new VBox(10, nodes);
        box.visibleProperty().bind(lecture.not());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * The Advanced section: shown when it is unfolded, never in lecture mode. Its controls (287
     * nodes) are made when it is first unfolded or {@link #buildHidden} is called, whichever is
     * first: folded, they would be made and styled before the window could show.
     */
    private VBox advanced(java.util.function.Supplier<Node[]> controls) {
        VBox box = new VBox(10);
        box.setId("advanced");
        box.getStyleClass().add("advanced");
        box.visibleProperty().bind(lecture.not().and(advancedOpen));
        box.managedProperty().bind(box.visibleProperty());
        advancedSection = new Deferred<>(() -> {
            box.getChildren().setAll(controls.get());
            return box;
        });
        advancedOpen.addListener((o, was, open) -> {
            if (open) {
                buildHidden();
            }
        });
        return box;
    }

    /** The Advanced section with its controls, made once. */
    private Deferred<VBox> advancedSection;

    /** Makes the folded Advanced section's controls now, if they are not made yet. */
    public void buildHidden() {
        advancedSection.get();
    }

    /** True once the Advanced section's controls are made. */
    public boolean hiddenBuilt() {
        return advancedSection.built();
    }

    /** The Advanced section's heading: a toggle (Space or a click) that folds and unfolds it. */
    private Node advancedToggle() {
        javafx.scene.control.ToggleButton toggle = new javafx.scene.control.ToggleButton();
        toggle.setId("advanced-toggle");
        toggle.getStyleClass().addAll("flat", "advanced-toggle");
        toggle.textProperty().bind(Localized.text("editor.advanced"));
        toggle.setTooltip(Localized.tooltip("tip.advanced"));
        toggle.selectedProperty().bindBidirectional(advancedOpen);
        FontIcon chevron = new FontIcon("mdi2c-chevron-right");
        advancedOpen.addListener((o, was, open) -> chevron.setIconLiteral(open ? "mdi2c-chevron-down" : "mdi2c-chevron-right"));
        toggle.setGraphic(chevron);
        return toggle;
    }

    private static Label subheading(String key) {
        Label l = Localized.bind(new Label(), key);
        l.getStyleClass().add("subheading");
        return l;
    }

    private static Node row(String name, Node control) {
        HBox line = new HBox(6, fieldName(name), control);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    /**
     * Says, where the learning rate is, that the optimizer running is seed 002's SGD whose
     * velocity is dropped, and offers the momentum its code meant in one click.
     */
    private Node reboundNote() {
        Label note = caption("editor.rebound");
        note.setId("rebound-note");
        Button textbook = Localized.bind(new Button(), "editor.textbookMomentum");
        textbook.setId("textbook-momentum");
        textbook.setTooltip(Localized.tooltip("tip.textbookMomentum"));
        textbook.setOnAction(e -> model.useTextbookMomentum());
        VBox box = new VBox(4, note, textbook);
        box.getStyleClass().add("rebound-note");
        box.visibleProperty().bind(model.optimizerProperty().isEqualTo("sgd-rebound"));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Says that the step follows the batch's sum while the loss shown is the mean. */
    private Node sumStepNote() {
        Label note = caption("editor.sumStep");
        note.setId("sum-step-note");
        note.visibleProperty().bind(model.reductionProperty().isEqualTo(Reduction.SUM));
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    /** The nodes of a curve's data: a classifier's data is chosen beside its plane or digits. */
    private VBox curveOnly(Node inner) {
        VBox box = new VBox(inner);
        box.visibleProperty().bind(model.curveDataProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** What the network's inputs are: x for a curve, the features or the pixels for a classifier. */
    private Node inputCaption() {
        Label l = new Label();
        l.getStyleClass().add("caption");
        l.setWrapText(true);
        l.textProperty().bind(org.backpropstudio.ui.Localized.text(model::inputText, model.inputsProperty()));
        return l;
    }

    /** For a classifier: where its data is chosen. */
    private Node classifierNote() {
        Label note = caption("editor.classifierData");
        note.visibleProperty().bind(model.curveDataProperty().not().and(lecture.not()));
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private Node givenDataNote() {
        Label note = caption("editor.givenData");
        note.visibleProperty().bind(model.givenDataProperty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    /** A field's name, from its English name (bundle key {@code field.ID}). */
    private static Label fieldName(String name) {
        Label l = Localized.bind(new Label(), "field." + ValidatedField.idOf(name));
        l.getStyleClass().addAll("field-name", "field-label"); // 9.2 em wide (studio.css)
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label section(String key) {
        Label l = Localized.bind(new Label(), key);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label caption(String key) {
        Label l = Localized.bind(new Label(), key);
        l.getStyleClass().add("caption");
        l.setWrapText(true);
        return l;
    }

    private static Button smallButton(String icon, String tipKey, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll("flat", "small-button");
        if (tipKey != null) {
            b.setTooltip(Localized.tooltip(tipKey));
        }
        b.setOnAction(e -> action.run());
        return b;
    }
}

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

        Label folded = caption("Lecture mode: loss, optimizer, decay, batching, seed and data settings are folded "
                + "away (F5 shows them again).");
        folded.visibleProperty().bind(lecture);
        folded.managedProperty().bind(folded.visibleProperty());
        VBox content = new VBox(10,
                section("Network"),
                caption("input: x (1 value)"),
                layerRows,
                addLayerButton(),
                advanced(
                        row("output activation", choice(Activation.values(), model.outputActivationProperty(),
                                "The output layer's activation; identity for regression.")),
                        row("loss", choice(LossKind.values(), model.lossProperty(),
                                "What is minimized per sample. Changing it restarts from the seed.")),
                        row("reduction", choice(Reduction.values(), model.reductionProperty(),
                                "Mean or sum of the per-sample losses in a batch."))),
                section("Training"),
                advanced(row("optimizer", choice(EditorModel.OPTIMIZERS.toArray(new String[0]),
                        model.optimizerProperty(), "How the gradient updates the weights. Applied live."))),
                learningRateRow(),
                advanced(
                        field(model.momentum(), "SGD momentum μ in [0, 1): v ← μ·v + g. Applied live."),
                        row("weight decay", choice(WeightDecay.Kind.values(), model.decayKindProperty(),
                                "Adds λ·w (L2) or λ·sign(w) (L1) to each gradient. Applied live.")),
                        field(model.decayLambda(), "The decay strength λ ≥ 0. Applied live."),
                        field(model.batchSize(), "Samples per step, or 'full' for the whole training set. Applied live."),
                        check("shuffle each epoch", model.shuffleProperty(), "A new sample order every epoch (seeded)."),
                        check("drop last batch", model.dropLastProperty(), "Skip an epoch's last, smaller batch.")),
                field(model.epochs(), "Training stops after this many epochs; raise it to continue."),
                advanced(
                        field(model.seed(), "One seed for data, initial weights and shuffling. Changing it restarts."),
                        section("Data"),
                        givenDataNote(),
                        row("target", choice(TargetFunction.values(), model.targetProperty(),
                                "The function the network learns. Changing data restarts from the seed.")),
                        expressionRow(),
                        field(model.xMin(), "Left end of the x-range."),
                        field(model.xMax(), "Right end of the x-range."),
                        optionalField(model.testXMin(), "Extrapolation: the test points' own range, e.g. π to 2π"
                                + " after training on −π to π. Empty: the training range."),
                        optionalField(model.testXMax(), "Right end of the test points' own range. Empty: the"
                                + " training range."),
                        field(model.trainCount(), "Number of training samples."),
                        field(model.testCount(), "Number of test samples, never trained on."),
                        field(model.noise(), "Standard deviation σ of Gaussian noise added to y."),
                        row("x spacing", choice(DataSpec.Sampling.values(), model.samplingProperty(),
                                "RANDOM: uniform random x; EVEN: evenly spaced x.")),
                        check("fresh batch every step", model.streamingProperty(),
                                "Streaming: draw a new random batch for every step (one step per epoch).")),
                folded,
                message);
        content.getStyleClass().add("editor-content");
        setContent(content);

        model.hiddenLayers().addListener((ListChangeListener<LayerRow>) c -> rebuildRows());
        rebuildRows();
    }

    /**
     * The rows' controls, kept per layer while the layer exists: adding or removing a layer builds
     * or drops one row, and the others only take their new number (new controls cost CSS time).
     */
    private final java.util.Map<LayerRow, RowView> rowViews = new java.util.IdentityHashMap<>();
    private Node emptyCaption;

    private void rebuildRows() {
        List<LayerRow> rows = model.hiddenLayers();
        java.util.Set<LayerRow> live = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        live.addAll(rows);
        rowViews.keySet().retainAll(live);
        List<Node> nodes = new java.util.ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            RowView v = rowViews.computeIfAbsent(rows.get(k), RowView::new);
            v.number(k);
            nodes.add(v.node);
        }
        if (rows.isEmpty()) {
            if (emptyCaption == null) {
                emptyCaption = caption("no hidden layers: the output is a linear function of x");
            }
            nodes.add(emptyCaption);
        }
        layerRows.getChildren().setAll(nodes);
    }

    /** One hidden layer's controls; what depends on its position is set by {@link #number}. */
    private final class RowView {
        final Label name = new Label();
        final TextField units;
        final ComboBox<Activation> activation;
        final Button remove;
        final Node node;

        RowView(LayerRow r) {
            name.getStyleClass().add("field-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            units = textField(r.units());
            units.setPrefColumnCount(4);
            units.setTooltip(new Tooltip());
            Button down = smallButton("mdi2m-minus", "One unit fewer", () -> nudge(r, -1));
            Button up = smallButton("mdi2p-plus", "One unit more", () -> nudge(r, +1));
            activation = choice(Activation.values(), r.activationProperty(), "");
            remove = smallButton("mdi2c-close", "", () -> model.removeLayer(r));
            HBox line = new HBox(4, name, down, units, up, activation, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            node = new VBox(2, line, errorLabel(r.units()));
        }

        void number(int index) {
            int n = index + 1;
            name.setText("layer " + n);
            units.setId("units-" + n);
            units.getTooltip().setText("Units in hidden layer " + n + " (1–" + EditorModel.MAX_UNITS
                    + "). Applied live: learned weights are kept, new units start with zero outgoing weights.");
            activation.setId("activation-" + n);
            activation.getTooltip().setText("Activation of hidden layer " + n + ". Applied live, keeping the weights.");
            remove.setId("remove-" + n);
            remove.getTooltip().setText("Remove layer " + n + " (restarts from the seed)");
        }
    }

    private static void nudge(LayerRow r, int delta) {
        Integer now = r.units().value();
        int next = Math.max(1, Math.min(EditorModel.MAX_UNITS, (now == null ? 1 : now) + delta));
        r.units().enter(Integer.toString(next));
    }

    private Node addLayerButton() {
        Button add = new Button("Add layer", new FontIcon("mdi2p-plus"));
        add.setId("add-layer");
        add.setTooltip(new Tooltip("Adds a hidden layer before the output (restarts from the seed)."));
        add.setOnAction(e -> model.addLayer());
        return add;
    }

    private Node learningRateRow() {
        ValidatedField<Double> lr = model.learningRate();
        TextField text = textField(lr);
        text.setId("learning-rate");
        text.setTooltip(new Tooltip("The step size, any number in (0, 1e6]. Applied live at the next step; "
                + "too large and the loss diverges."));
        // the slider moves over log10(lr) from 1e-5 to 10 and applies when released
        Slider slider = new Slider(Math.log10(EditorModel.SLIDER_MIN_LEARNING_RATE),
                Math.log10(EditorModel.SLIDER_MAX_LEARNING_RATE), -1);
        slider.setId("learning-rate-slider");
        slider.setTooltip(new Tooltip("Learning rate on a logarithmic scale, 1e-5 … 10"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        boolean[] syncing = {false};
        Runnable fromText = () -> {
            Double v = lr.value();
            if (v != null && v > 0 && !slider.isValueChanging()) {
                syncing[0] = true;
                slider.setValue(Math.log10(v));
                syncing[0] = false;
            }
        };
        lr.textProperty().addListener(o -> fromText.run());
        fromText.run();
        slider.valueProperty().addListener((o, a, b) -> {
            if (!syncing[0]) {
                double v = Math.pow(10, Math.round(b.doubleValue() * 20) / 20.0);
                lr.textProperty().set(TrainingService.number(Double.parseDouble(String.format(Locale.ROOT, "%.2g", v))));
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
        Label name = fieldName("learning rate");
        HBox line = new HBox(6, name, slider, text);
        line.setAlignment(Pos.CENTER_LEFT);
        text.setPrefColumnCount(6);
        return new VBox(2, line, errorLabel(lr));
    }

    /** The typed target: its error shows the text with a caret under the bad character, in monospace. */
    private Node expressionRow() {
        ValidatedField<String> f = model.expression();
        TextField text = textField(f);
        text.setId("expression");
        text.setPromptText("or type one: sin(x) + 0.3*x");
        text.setTooltip(new Tooltip("A target of your own, in x: + - * / ^, pi, e, and sin, cos, tan, exp, log, sqrt, "
                + "abs, floor, ceil, signum… Enter applies it (restarts from the seed); empty uses the list above."));
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(6, fieldName("f(x) ="), text);
        line.setAlignment(Pos.CENTER_LEFT);
        Label error = errorLabel(f);
        error.setId("expression-error");
        error.setWrapText(false);
        error.getStyleClass().add("expression-error");
        return new VBox(2, line, error);
    }

    private Node field(ValidatedField<?> f, String tip) {
        return field(f, tip, null);
    }

    private Node field(ValidatedField<?> f, String tip, String prompt) {
        TextField text = textField(f);
        text.setPromptText(prompt);
        text.setId(f.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("-$", ""));
        text.setTooltip(new Tooltip(tip));
        text.setPrefColumnCount(8);
        HBox line = new HBox(6, fieldName(f.name()), text);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, line, errorLabel(f));
    }

    /** A field that may stay empty, saying so in its prompt. */
    private Node optionalField(ValidatedField<?> f, String tip) {
        return field(f, tip, "as training");
    }

    private static TextField textField(ValidatedField<?> f) {
        TextField text = new TextField();
        text.textProperty().bindBidirectional(f.textProperty());
        text.setOnAction(e -> f.commit());
        text.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                f.commit();
            }
        });
        f.errorProperty().addListener((o, a, b) -> text.pseudoClassStateChanged(INVALID, !b.isEmpty()));
        return text;
    }

    private static Label errorLabel(ValidatedField<?> f) {
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(f.errorProperty());
        error.visibleProperty().bind(f.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private static <T> ComboBox<T> choice(T[] values, javafx.beans.property.ObjectProperty<T> property, String tip) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(Arrays.asList(values));
        box.valueProperty().bindBidirectional(property);
        box.setTooltip(new Tooltip(tip));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                if (t instanceof Activation a) {
                    return a.wireName();
                }
                if (t instanceof TargetFunction f) {
                    return f.formula();
                }
                return t == null ? "" : t.toString().toLowerCase(Locale.ROOT);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        return box;
    }

    private static Node check(String text, javafx.beans.property.BooleanProperty property, String tip) {
        CheckBox box = new CheckBox(text);
        box.selectedProperty().bindBidirectional(property);
        box.setTooltip(new Tooltip(tip));
        return box;
    }

    /** In lecture mode these controls are folded away. */
    public javafx.beans.property.BooleanProperty lectureProperty() {
        return lecture;
    }

    /** A group of advanced controls, hidden in lecture mode. */
    private VBox advanced(Node... nodes) {
        VBox box = new VBox(10, nodes);
        box.getStyleClass().add("advanced");
        box.visibleProperty().bind(lecture.not());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Node row(String name, Node control) {
        HBox line = new HBox(6, fieldName(name), control);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private Node givenDataNote() {
        Label note = caption("This setup uses its own data table. Change a field below to fit a function instead.");
        note.visibleProperty().bind(model.givenDataProperty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private static Label fieldName(String name) {
        Label l = new Label(name);
        l.getStyleClass().addAll("field-name", "field-label"); // 9.2 em wide (studio.css)
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        l.setWrapText(true);
        return l;
    }

    private static Button smallButton(String icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll("flat", "small-button");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}

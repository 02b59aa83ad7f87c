package org.backpropstudio.ui.editor;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A text the user types and the value it stands for. Every keystroke is checked at once: an
 * invalid text is explained in {@link #errorProperty()}. A valid text is applied only when the
 * user commits it (Enter, leaving the field, a spinner arrow), so that typing "12" does not first
 * resize a layer to 1 unit, and typing "1e-3" does not first set a learning rate of 1.
 *
 * @param <T> the value's type
 */
public final class ValidatedField<T> {

    private final String name;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Function<String, T> parser;
    private Consumer<T> onValid = v -> { };
    /** The last value applied or loaded: what runs. */
    private final ReadOnlyObjectWrapper<T> applied = new ReadOnlyObjectWrapper<>();
    /** The value the current text stands for, if it is valid. */
    private T parsed;
    /** The text of the value last applied or loaded, which {@link #revert()} brings back. */
    private String appliedText;
    private boolean loading;

    /**
     * @param name   what the field is, in the user's words ("learning rate")
     * @param parser reads the text; throws {@link IllegalArgumentException} with the reason
     */
    public ValidatedField(String name, Function<String, T> parser) {
        this.name = name;
        this.parser = Objects.requireNonNull(parser);
        text.addListener((obs, old, now) -> {
            if (!loading) {
                validate();
            }
        });
    }

    private void validate() {
        try {
            parsed = parser.apply(text.get() == null ? "" : text.get().trim());
            error.set("");
        } catch (IllegalArgumentException e) {
            parsed = null;
            showError(e.getMessage());
        }
    }

    /**
     * The field shows a refused text, so its error says what runs instead: on the message's first
     * line, as a typed target's error draws a caret under the text on the lines below.
     */
    private void showError(String m) {
        int end = m.indexOf('\n') < 0 ? m.length() : m.indexOf('\n');
        boolean nothingToName = applied.get() == null || appliedText == null || appliedText.isBlank();
        error.set(nothingToName ? m : org.backpropstudio.i18n.Messages.text("field.stillRuns",
                m.substring(0, end), appliedText) + m.substring(end));
    }

    /**
     * Applies the text if it is valid and differs from the applied value.
     *
     * @return false when the text is invalid (the error says why)
     */
    public boolean commit() {
        validate();
        if (parsed == null) {
            return false;
        }
        if (!parsed.equals(applied.get())) {
            T before = applied.get();
            String beforeText = appliedText;
            applied.set(parsed);
            appliedText = text.get();
            try {
                onValid.accept(parsed);
            } catch (IllegalArgumentException refused) {
                // parsed, but the setup refuses it (an empty x-range, a target that is no number
                // somewhere): the reason shows here, at the field, and what ran before still runs
                applied.set(before);
                appliedText = beforeText;
                showError(refused.getMessage());
                return false;
            }
        }
        appliedText = text.get();
        return true;
    }

    /** Puts back the text of the value that runs (Escape), dropping a refused or unfinished entry. */
    public void revert() {
        if (appliedText != null) {
            text.set(appliedText);
        }
    }

    /** Types a text and commits it, as a user does. */
    public boolean enter(String typed) {
        text.set(typed);
        return commit();
    }

    /** What happens with each newly committed valid value. */
    public void setOnValid(Consumer<T> action) {
        this.onValid = Objects.requireNonNull(action);
    }

    /** Shows a value without applying it (loading a setup). */
    public void load(T v, String shown) {
        loading = true;
        try {
            applied.set(v);
            parsed = v;
            appliedText = shown;
            text.set(shown);
            error.set("");
        } finally {
            loading = false;
        }
    }

    /** The field's name in English, which also gives its node id and bundle key. */
    public String name() {
        return name;
    }

    /** A field's id: its English name in lower case, words joined by '-' ("learning-rate", "noise"). */
    public static String idOf(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
    }

    /** The field's name in the current language (bundle key {@code field.ID}). */
    public static String displayName(String name) {
        return org.backpropstudio.i18n.Messages.text("field." + idOf(name));
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Why the text is not a valid value; empty when it is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }

    /** The last value applied or loaded. */
    public T value() {
        return applied.get();
    }

    /**
     * The last value applied or loaded, observable: what a control showing the running value (the
     * learning-rate slider) follows. The text may hold something else while it is being typed.
     */
    public ReadOnlyObjectProperty<T> appliedProperty() {
        return applied.getReadOnlyProperty();
    }
}

package org.backpropstudio.ui;

import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.backpropstudio.i18n.Messages;

/**
 * The chosen language as a JavaFX property: every text bound through here follows a switch at
 * once, so the window re-renders in the other language without a restart. UI thread only.
 */
public final class Localized {

    private static final ReadOnlyObjectWrapper<Locale> LOCALE = new ReadOnlyObjectWrapper<>(Messages.locale());

    private Localized() {
    }

    public static ReadOnlyObjectProperty<Locale> localeProperty() {
        return LOCALE.getReadOnlyProperty();
    }

    /** Switches every bound text, chart and message to {@code l}. */
    public static void setLocale(Locale l) {
        Messages.setLocale(l);
        LOCALE.set(l);
    }

    /** {@link Messages#text}: the text in the current language, now. */
    public static String t(String key, Object... args) {
        return Messages.text(key, args);
    }

    /** The text for {@code key}, following the language. */
    public static StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> Messages.text(key, args), LOCALE);
    }

    /** A text computed from other values too, following the language and those values. */
    public static StringBinding text(Callable<String> compute, Observable... dependencies) {
        Observable[] all = new Observable[dependencies.length + 1];
        all[0] = LOCALE;
        System.arraycopy(dependencies, 0, all, 1, dependencies.length);
        return Bindings.createStringBinding(compute, all);
    }

    /** Binds a label's, button's or tab's text to {@code key}. */
    public static <T extends Labeled> T bind(T node, String key, Object... args) {
        node.textProperty().bind(text(key, args));
        return node;
    }

    /** Binds a menu item's text to {@code key}. */
    public static <T extends MenuItem> T bind(T item, String key, Object... args) {
        item.textProperty().bind(text(key, args));
        return item;
    }

    /** A tooltip following the language. */
    public static Tooltip tooltip(String key, Object... args) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text(key, args));
        return tip;
    }

    /**
     * Runs {@code action} after every switch of language, for as long as {@code owner} lives (for
     * what cannot be bound: canvases, choice lists). The node keeps the listener; the language
     * holds it only weakly, so a closed window is not kept alive by it. A node in no window (a
     * closed studio not yet collected, a row set aside) is not renamed then but when it next joins
     * a scene: a closed studio's combo boxes, restyled outside any window, had JavaFX warn of
     * theme colours it could not resolve.
     */
    public static void onSwitch(javafx.scene.Node owner, Runnable action) {
        Follower follower = new Follower(owner, action);
        owner.getProperties().put(follower, follower);
        LOCALE.addListener(new javafx.beans.value.WeakChangeListener<>(follower));
    }

    /** What {@link #onSwitch} registers: the action now, or once the node is in a window again. */
    private static final class Follower implements javafx.beans.value.ChangeListener<Locale> {
        private final javafx.scene.Node owner;
        private final Runnable action;
        private final javafx.beans.value.ChangeListener<javafx.scene.Scene> catchUp;
        private boolean behind;

        Follower(javafx.scene.Node owner, Runnable action) {
            this.owner = owner;
            this.action = action;
            this.catchUp = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                                    javafx.scene.Scene was, javafx.scene.Scene now) {
                    if (now != null) {
                        owner.sceneProperty().removeListener(this);
                        behind = false;
                        action.run();
                    }
                }
            };
        }

        @Override
        public void changed(javafx.beans.value.ObservableValue<? extends Locale> o, Locale was, Locale now) {
            if (owner.getScene() != null && owner.getScene().getWindow() != null) {
                action.run();
            } else if (!behind) {
                behind = true;
                owner.sceneProperty().addListener(catchUp);
            }
        }
    }

    /**
     * Names a combo box's choices with {@code name}, in the current language and again after each
     * switch: the list and the shown choice both (a new converter alone leaves the shown one).
     */
    public static <T> void choices(javafx.scene.control.ComboBox<T> box, java.util.function.Function<T, String> names) {
        Runnable name = () -> {
            box.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(T t) {
                    return t == null ? "" : names.apply(t);
                }

                @Override
                public T fromString(String text) {
                    throw new UnsupportedOperationException();
                }
            });
            box.setCellFactory(list -> new NamedCell<>(names, null));
            box.setButtonCell(new NamedCell<>(names, box)); // shows the box's prompt while nothing is chosen
        };
        name.run();
        onSwitch(box, name);
    }

    /**
     * A list cell showing its item's name. As a box's button cell it shows the box's prompt when
     * nothing is chosen (a custom button cell replaces the one that would): the preset box was
     * blank after an experiment was opened instead of saying "(experiment)".
     */
    private static final class NamedCell<T> extends javafx.scene.control.ListCell<T> {
        private final java.util.function.Function<T, String> name;
        private final javafx.scene.control.ComboBox<T> promptOf;

        NamedCell(java.util.function.Function<T, String> name, javafx.scene.control.ComboBox<T> promptOf) {
            this.name = name;
            this.promptOf = promptOf;
            if (promptOf != null) {
                promptOf.promptTextProperty().addListener(o -> updateItem(getItem(), isEmpty()));
            }
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            boolean none = empty || item == null;
            setText(!none ? name.apply(item) : promptOf != null ? promptOf.getPromptText() : null);
        }
    }

}

package org.backpropstudio.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The studio's menus: File (the file actions'), Training, View (text size, full screen, lecture
 * mode, theme, advanced settings, contributions, language) and Help. Space, S and R belong to the
 * scene's key filter ({@link StudioKeys}), which ignores them while you type; as accelerators
 * they would fire inside text fields, so the items only name them.
 */
final class StudioMenus {

    private StudioMenus() {
    }

    /** The menu bar of a studio view. */
    static MenuBar bar(StudioView view) {
        Menu file = view.files().fileMenu(view, view::taskView, view.lossChart(), view.diagram());
        // after Import data: File → Open dataset, a full MNIST in its own files
        int at = Math.max(0, file.getItems().indexOf(file.getItems().stream()
                .filter(i -> "mdi2f-file-table".equals(i.getGraphic() instanceof FontIcon f ? f.getIconLiteral() : null))
                .findFirst().orElse(null)) + 1);
        file.getItems().add(at, item("file.openDataset", "mdi2d-database", null,
                () -> new OpenDataset(view.vm(), view.stage(), view.io()).choose()));
        // Space, S and R belong to the scene's key filter, which ignores them while you type;
        // as menu accelerators they would fire inside text fields, so the items only name them
        Menu training = Localized.bind(new Menu(), "menu.training");
        training.getItems().addAll(
                item("menu.training.play", "mdi2p-play-pause", null, view.vm()::togglePlay),
                item("menu.training.step", "mdi2s-skip-next", null, view.vm()::step),
                item("menu.training.reset", "mdi2r-restart", null, view.vm()::reset),
                item("menu.training.gradcheck", "mdi2c-check-decagram", null, view.vm()::checkGradients),
                item("menu.training.pin", "mdi2p-pin", null, view.vm()::pin),
                item("menu.training.inspector", "mdi2m-magnify-scan", null, view::toggleInspector),
                item("menu.training.nextStage", "mdi2c-chevron-right", null, view.inspector()::next),
                item("menu.training.previousStage", "mdi2c-chevron-left", null, view.inspector()::previous));
        Menu viewMenu = Localized.bind(new Menu(), "menu.view");
        viewMenu.getItems().addAll(
                item("menu.view.bigger", "mdi2m-magnify-plus", new KeyCodeCombination(KeyCode.EQUALS,
                        KeyCombination.SHORTCUT_DOWN), () -> view.zoom(1.1)),
                item("menu.view.smaller", "mdi2m-magnify-minus", new KeyCodeCombination(KeyCode.MINUS,
                        KeyCombination.SHORTCUT_DOWN), () -> view.zoom(1 / 1.1)),
                item("menu.view.normal", null, new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                        () -> view.zoom(0)),
                item("menu.view.fullScreen", "mdi2f-fullscreen", new KeyCodeCombination(KeyCode.F11),
                        () -> view.stage().setFullScreen(!view.stage().isFullScreen())),
                item("menu.view.lecture", "mdi2p-projector-screen", null, () -> view.setLecture(!view.lectureProperty().get())),
                item("menu.view.theme", "mdi2t-theme-light-dark", null, view::toggleTheme),
                item("menu.view.advanced", "mdi2t-tune", new KeyCodeCombination(KeyCode.A,
                        KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        () -> view.editor().advancedOpenProperty().set(!view.editor().advancedOpenProperty().get())),
                item("menu.view.contributions", "mdi2v-vector-curve", null,
                        () -> view.contributions().setSelected(!view.contributions().isSelected())));
        Menu helpMenu = Localized.bind(new Menu(), "menu.help");
        helpMenu.getItems().addAll(
                item("menu.help.shortcuts", "mdi2k-keyboard", null, () -> view.help().toggle()));
        viewMenu.getItems().add(languageMenu(view));
        return new MenuBar(file, training, viewMenu, helpMenu);
    }

    /**
     * View → Language: the system's language (the default), English or 简体中文. Each language is
     * named in its own words, so it can be found whichever is showing; the window switches at once
     * and the choice is remembered for the next start. The item of the language showing is ticked.
     */
    private static Menu languageMenu(StudioView view) {
        Menu menu = Localized.bind(new Menu(), "menu.view.language");
        menu.setId("language-menu");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        java.util.Locale system = java.util.Locale.getDefault();
        javafx.scene.control.RadioMenuItem systemItem = new javafx.scene.control.RadioMenuItem();
        systemItem.textProperty().bind(Localized.text(() -> Localized.t("menu.view.language.system",
                system.getDisplayName(Localized.localeProperty().get())), Localized.localeProperty()));
        systemItem.setUserData(system);
        menu.getItems().add(systemItem);
        for (java.util.Locale l : org.backpropstudio.i18n.Messages.LANGUAGES) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(
                    l.getLanguage().equals("zh") ? "简体中文" : l.getDisplayName(l));
            item.setUserData(l);
            item.setId("language-" + l.toLanguageTag());
            menu.getItems().add(item);
        }
        java.util.Locale showing = Localized.localeProperty().get();
        for (MenuItem i : menu.getItems()) {
            javafx.scene.control.RadioMenuItem r = (javafx.scene.control.RadioMenuItem) i;
            r.setToggleGroup(group);
            r.setOnAction(e -> view.chooseLanguage(r == systemItem ? null : (java.util.Locale) r.getUserData()));
            r.setSelected(r == systemItem ? showing.equals(system) : !showing.equals(system) && showing.equals(r.getUserData()));
        }
        if (group.getSelectedToggle() == null) {
            systemItem.setSelected(true);
        }
        return menu;
    }

    /** A menu item named by the bundle's {@code key}, following the language. */
    static MenuItem item(String textKey, String icon, KeyCombination accelerator, Runnable action) {
        MenuItem i = Localized.bind(new MenuItem(null, icon == null ? null : new FontIcon(icon)), textKey);
        if (accelerator != null) {
            i.setAccelerator(accelerator);
        }
        i.setOnAction(e -> action.run());
        return i;
    }
}

package org.backpropstudio.ui;

import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The studio's single keys, on the scene's key filter: Space play/pause, S or → step, R reset,
 * G gradient check, I inspector, P pin, C contributions, 0 … 4 the plane's class, F5 lecture
 * mode, F1 or ? the shortcut card; they are ignored while a text field is typed in (Escape
 * leaves it). The menus' accelerators (Ctrl+O, …) are the menus'. The card lists them all
 * ({@link HelpOverlay}).
 */
final class StudioKeys {

    private StudioKeys() {
    }

    static void install(Scene scene, StudioView view) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            if (e.getCode() == KeyCode.F5) {
                view.setLecture(!view.lectureProperty().get());
                e.consume();
                return;
            }
            if (e.getCode() == KeyCode.F1 || view.help().isVisible() && e.getCode() == KeyCode.ESCAPE) {
                view.help().toggle();
                e.consume();
                return;
            }
            if (typing && e.getCode() == KeyCode.ESCAPE) {
                // Escape drops what was typed: the field shows the value that runs again, then is left
                if (scene.getFocusOwner().getProperties().get(org.backpropstudio.ui.editor.EditorView.REVERT)
                        instanceof Runnable revert) {
                    revert.run();
                }
                view.requestFocus();
                e.consume();
                return;
            }
            if (typing || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            if (e.getCode() == KeyCode.SPACE) {
                view.vm().togglePlay();
                e.consume();
            } else if (e.getCode() == KeyCode.S || e.getCode() == KeyCode.RIGHT) {
                view.vm().step();
                e.consume();
            } else if (e.getCode() == KeyCode.R) {
                view.vm().reset();
                e.consume();
            } else if (e.getCode() == KeyCode.G) {
                view.vm().checkGradients();
                e.consume();
            } else if ("?".equals(e.getText())) {
                view.help().toggle();
                e.consume();
            } else if (e.getCode() == KeyCode.I) {
                view.toggleInspector();
                e.consume();
            } else if (e.getCode() == KeyCode.P) {
                view.vm().pin();
                e.consume();
            } else if (e.getCode() == KeyCode.C) {
                view.contributions().setSelected(!view.contributions().isSelected());
                e.consume();
            } else if (e.getCode().isDigitKey() && TaskKind.of(view.vm().editor().applied()) == TaskKind.PLANE) {
                // 0 … 4: the class a click in the plane adds
                int c = e.getText().isEmpty() ? -1 : Character.digit(e.getText().charAt(0), 10);
                if (c >= 0) {
                    view.tasks().plane().chooseClass(c);
                }
                e.consume();
            } else if (view.inspectorOpen() && e.getCode() == KeyCode.PAGE_DOWN) {
                view.inspector().next();
                e.consume();
            } else if (view.inspectorOpen() && e.getCode() == KeyCode.PAGE_UP) {
                view.inspector().previous();
                e.consume();
            }
        });
    }
}

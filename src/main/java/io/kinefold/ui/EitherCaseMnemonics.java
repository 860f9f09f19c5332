package io.kinefold.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.Mnemonic;

/**
 * Alt+letter whatever the case of the underlined letter. The scene keeps "Rea_l" (Alt+'l') and
 * History's "_Lab note" (Alt+'L') as two mnemonics, and JavaFX tries only the first one that
 * matches the key: Alt+L did nothing in the Experiment tab, because the hidden History field came
 * first (and one of "_Open folder…" and "C_ompare both", Alt+O, the same). Where letters of both
 * cases match and exactly one of their controls is on screen, this fires that one; otherwise
 * JavaFX goes on as usual.
 */
final class EitherCaseMnemonics {
    private EitherCaseMnemonics() {}

    static void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isAltDown() || e.isShortcutDown() || e.isControlDown() || e.isMetaDown()) {
                return;
            }
            int matching = 0;
            List<Mnemonic> shown = new ArrayList<>();
            for (Map.Entry<KeyCombination, ObservableList<Mnemonic>> entry : scene.getMnemonics().entrySet()) {
                if (entry.getKey().match(e)) {
                    matching++;
                    entry.getValue().stream().filter(m -> shown(m.getNode(), scene)).forEach(shown::add);
                }
            }
            if (matching > 1 && shown.size() == 1) {
                shown.get(0).fire();
                e.consume();
            }
        });
    }

    /** On screen in {@code scene}: it and every parent visible (a tab in the back is not), and enabled. */
    private static boolean shown(Node node, Scene scene) {
        if (node == null || node.getScene() != scene || node.isDisabled()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}

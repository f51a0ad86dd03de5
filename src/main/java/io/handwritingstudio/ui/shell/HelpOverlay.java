package io.handwritingstudio.ui.shell;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.theme.Styles;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;

/**
 * Help and About in one card over the studio ({@code ?} or F1, Esc closes): the keyboard shortcuts, and where the
 * studio writes the details of anything that went wrong.
 */
public final class HelpOverlay extends StackPane {
    /** Keys and what they do, in the order a user meets them. */
    static final List<String[]> SHORTCUTS = List.of(
            new String[]{"Tab / Shift+Tab", "move focus in reading order (the focused control has a blue ring)"},
            new String[]{"Space / Enter", "act on the focused control only"},
            new String[]{"↑ ↓ in the sidebar", "switch views"},
            new String[]{"← → ↑ ↓ in a sample grid", "select the neighbouring sample"},
            new String[]{"← → ↑ ↓ in the confusion matrix", "move between cells; the samples follow"},
            new String[]{"Enter on a sample or mistake", "open it in Inside the network"},
            new String[]{"Ctrl+Z / Ctrl+V on the pad", "undo a stroke / paste an image"},
            new String[]{"? or F1", "this help; Esc closes it"});

    public HelpOverlay(Path errorLog) {
        setId("help-overlay");
        getStyleClass().add("help-overlay");
        GridPane keys = new GridPane();
        keys.setHgap(18);
        keys.setVgap(6);
        for (int i = 0; i < SHORTCUTS.size(); i++) {
            Label key = new Label(SHORTCUTS.get(i)[0]);
            key.getStyleClass().add("help-key");
            key.setMinWidth(Label.USE_PREF_SIZE); // the keys are what a user reads this for: never "in the conf..."
            Label what = new Label(SHORTCUTS.get(i)[1]);
            Texts.wrapping(what);
            keys.addRow(i, key, what);
        }
        Label title = Texts.title("Keyboard and help");
        Label log = new Label("Anything that goes wrong shows in the status bar; the details go to\n"
                + errorLog);
        log.setId("help-error-log");
        Texts.wrapping(log);
        log.getStyleClass().add(Styles.TEXT_MUTED);
        Label about = new Label("Handwriting Studio: see how a convolutional network reads handwriting. "
                + "Every view also runs from the command line (java -jar handwriting-studio.jar --help).");
        Texts.wrapping(about);
        about.getStyleClass().add(Styles.TEXT_MUTED);
        Button close = new Button("Close");
        close.setId("help-close");
        close.setCancelButton(true);
        close.setOnAction(e -> hide());
        VBox card = new VBox(12, title, keys, about, log, close);
        card.getStyleClass().addAll("card-pane", "help-card");
        card.setMaxWidth(640);
        card.setMaxHeight(USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().add(card);
        setVisible(false);
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) hide();
        });
    }

    public void toggle() {
        if (isVisible()) hide();
        else show();
    }

    public void show() {
        setVisible(true);
        lookup("#help-close").requestFocus();
    }

    public void hide() {
        setVisible(false);
    }
}

package io.handwritingstudio.ui.shell;

import io.handwritingstudio.ui.kit.Theme;

import javafx.geometry.Orientation;

import atlantafx.base.controls.Spacer;

import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.context.StudioView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.controlsfx.glyphfont.FontAwesome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The studio window's layout: a sidebar of views, the current view, a status bar, and the help card over them.
 * The sidebar's selected button is the page shown, whether chosen by mouse, arrow keys or {@link #show}.
 */
public final class MainWindow {
    private final BorderPane frame = new BorderPane();
    private final HelpOverlay help = new HelpOverlay(CrashLog.defaultFile());
    private final StackPane root = new StackPane(frame, help);
    private final StackPane content = new StackPane();
    private final ToggleGroup navGroup = new ToggleGroup();
    private final Map<String, StudioView> views = new LinkedHashMap<>();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final Label viewTitle = new Label();
    private final Label viewSubtitle = new Label();
    private boolean switching;

    public MainWindow(StudioContext context, List<StudioView> studioViews) {
        frame.getStyleClass().add("studio-root");
        VBox sidebar = new VBox(4);
        sidebar.getStyleClass().add("studio-sidebar");
        sidebar.setPadding(new Insets(16, 10, 16, 10));
        Label brand = new Label("Handwriting Studio");
        brand.getStyleClass().add("studio-brand");
        Label tagline = new Label("See how a network reads");
        tagline.getStyleClass().add("studio-tagline");
        sidebar.getChildren().addAll(brand, tagline, spacer(14));
        for (StudioView view : studioViews) {
            views.put(view.id(), view);
            ToggleButton button = sidebarItem(new ToggleButton(view.title(), Icons.forView(view.id())), "nav-" + view.id());
            button.setToggleGroup(navGroup);
            button.setUserData(view.id());
            buttons.put(view.id(), button);
            sidebar.getChildren().add(button);
        }
        // arrow keys move the selection within the group: the page follows it; the shown page cannot be unselected
        navGroup.selectedToggleProperty().addListener((o, was, is) -> {
            if (is == null && was != null) was.setSelected(true);
            else if (is != null) show((String) is.getUserData());
        });
        Spacer grow = new Spacer(Orientation.VERTICAL);
        Button helpButton = sidebarItem(new Button("Help and shortcuts", Icons.of(FontAwesome.Glyph.QUESTION_CIRCLE)), "help-button");
        helpButton.setOnAction(e -> help.show());
        Button openModel = sidebarItem(new Button("Open model...", Icons.of(FontAwesome.Glyph.FOLDER_OPEN_ALT)), "open-model");
        ModelOpener opener = ModelOpener.withAlerts(context);
        openModel.setOnAction(e -> opener.choose(root.getScene() == null ? null : root.getScene().getWindow()));
        ToggleButton dark = sidebarItem(new ToggleButton("Dark theme", Icons.of(FontAwesome.Glyph.MOON_ALT)), "theme-toggle");
        dark.setSelected(Theme.isDark());
        dark.selectedProperty().addListener((o, was, is) -> Theme.apply(is));
        Theme.darkProperty().addListener((o, was, is) -> dark.setSelected(is));
        Region line = new Region();
        line.getStyleClass().add("sidebar-separator");
        sidebar.getChildren().addAll(grow, line, openModel, dark, helpButton);
        collapseWhenNarrow(sidebar, brand, tagline);

        viewTitle.getStyleClass().add("view-title");
        viewSubtitle.getStyleClass().add("view-subtitle");
        VBox header = new VBox(2, viewTitle, viewSubtitle);
        header.getStyleClass().add("view-header");
        header.setPadding(new Insets(14, 20, 10, 20));
        BorderPane main = new BorderPane(content);
        main.setTop(header);
        content.setPadding(new Insets(0, 20, 12, 20));

        frame.setLeft(sidebar);
        frame.setCenter(main);
        frame.setBottom(statusBar(context));
        context.navigatorSetter().accept(this::show);
        root.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(e.getTarget() instanceof TextInputControl)) {
                help.toggle();
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F1) {
                help.toggle();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && help.isVisible()) {
                help.hide();
                e.consume();
            }
        });
    }

    /**
     * Below {@link #COLLAPSE_BELOW} pixels of window width the sidebar shows icons only (names in tooltips), so a
     * laptop-sized window gives the views the room they need instead of cutting their controls short.
     */
    private void collapseWhenNarrow(VBox sidebar, Label brand, Label tagline) {
        List<javafx.scene.control.ButtonBase> items = sidebar.getChildren().stream()
                .filter(n -> n instanceof javafx.scene.control.ButtonBase)
                .map(n -> (javafx.scene.control.ButtonBase) n).toList();
        for (var item : items) item.setTooltip(new javafx.scene.control.Tooltip(item.getText()));
        root.widthProperty().addListener((o, was, is) -> {
            boolean narrow = is.doubleValue() > 0 && is.doubleValue() < COLLAPSE_BELOW;
            for (var item : items) {
                item.setContentDisplay(narrow ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                        : javafx.scene.control.ContentDisplay.LEFT);
            }
            for (Label l : List.of(brand, tagline)) {
                l.setVisible(!narrow);
                l.setManaged(!narrow);
            }
            sidebar.pseudoClassStateChanged(COLLAPSED, narrow);
        });
    }

    static final double COLLAPSE_BELOW = 1200;
    private static final javafx.css.PseudoClass COLLAPSED = javafx.css.PseudoClass.getPseudoClass("collapsed");

    public StackPane root() {
        return root;
    }

    HelpOverlay help() {
        return help;
    }

    public void show(String id) {
        StudioView view = views.get(id);
        if (view == null || switching) return;
        switching = true;
        try {
            buttons.get(id).setSelected(true); // the group's listener calls back here: ignored while switching
        } finally {
            switching = false;
        }
        viewTitle.setText(view.title());
        viewSubtitle.setText(view.subtitle());
        content.getChildren().setAll(view.root());
        view.onShow();
    }

    private Node statusBar(StudioContext context) {
        Label model = new Label("", Icons.of(FontAwesome.Glyph.CUBE));
        model.setId("status-model");
        model.textProperty().bind(Bindings.createStringBinding(() -> {
            ModelHandle m = context.currentModel();
            return m == null ? "Model: none" : "Model: " + m.name() + " (" + m.classCount() + " classes)";
        }, context.currentModelProperty()));
        Label dataset = new Label("", Icons.of(FontAwesome.Glyph.DATABASE));
        dataset.setId("status-dataset");
        dataset.textProperty().bind(Bindings.concat("Dataset: ", context.currentDatasetProperty()));
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(context.status().textProperty());
        // on a narrow window the message gives way, not the model and dataset it is about (it is news; they stay)
        model.setMinWidth(Region.USE_PREF_SIZE);
        dataset.setMinWidth(Region.USE_PREF_SIZE);
        message.setMinWidth(0);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(message.textProperty());
        message.setTooltip(whole);
        Spacer grow = new Spacer();
        HBox bar = new HBox(18, model, dataset, grow, message);
        bar.getStyleClass().add("studio-statusbar");
        bar.setPadding(new Insets(5, 14, 5, 14));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static <B extends javafx.scene.control.ButtonBase> B sidebarItem(B item, String id) {
        item.setId(id);
        item.getStyleClass().add("studio-nav");
        item.setGraphicTextGap(10);
        item.setMaxWidth(Double.MAX_VALUE);
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    private static Region spacer(double height) {
        Region r = new Region();
        r.setMinHeight(height);
        return r;
    }
}

package io.handwritingstudio.ui.kit;

import io.handwritingstudio.data.DatasetCatalog;
import io.handwritingstudio.data.UserSamples;
import javafx.concurrent.Task;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * The one way to choose a dataset: the catalogue, the user's own samples ("my samples: digits", found in the
 * background because it reads the disk) and any folder opened before. Values are what the repository opens (a
 * catalogue name or a folder path); the user sees short names.
 */
public final class DatasetPicker extends ComboBox<String> {
    private static final String MY_SAMPLES = "my samples: ";

    public DatasetPicker(String id, Executor background) {
        setId(id);
        getItems().setAll(DatasetCatalog.names());
        setPrefWidth(190);
        StringConverter<String> names = new StringConverter<>() {
            @Override public String toString(String value) { return displayName(value); }
            @Override public String fromString(String text) { return text; }
        };
        setConverter(names);
        setButtonCell(cell());
        setCellFactory(list -> cell());
        findUserSamples(background);
    }

    /** Adds a value (a folder opened by hand) if the list lacks it. */
    public void offer(String value) {
        if (value != null && !getItems().contains(value)) getItems().add(value);
    }

    /** "mnist", "my samples: digits", or a folder's last two path elements. */
    public static String displayName(String value) {
        if (value == null) return "";
        if (DatasetCatalog.find(value).isPresent()) return value;
        Path p = Path.of(value);
        if (p.getParent() != null && p.getParent().equals(UserSamples.root().toAbsolutePath().normalize())) {
            return MY_SAMPLES + p.getFileName();
        }
        return p.getNameCount() >= 2 ? p.getParent().getFileName() + "/" + p.getFileName() : value;
    }

    private void findUserSamples(Executor background) {
        Task<List<String>> scan = new Task<>() {
            @Override
            protected List<String> call() throws IOException {
                return userSampleFolders();
            }
        };
        scan.setOnSucceeded(e -> scan.getValue().forEach(this::offer));
        background.execute(scan); // a failed scan is logged; it only means no "my samples" entries
    }

    private static List<String> userSampleFolders() throws IOException {
        Path root = UserSamples.root().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) return List.of();
        List<String> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("classes.txt"))).sorted().forEach(d -> found.add(d.toString()));
        }
        return found;
    }

    private static ListCell<String> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : displayName(item));
            }
        };
    }
}

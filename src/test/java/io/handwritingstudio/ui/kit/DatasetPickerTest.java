package io.handwritingstudio.ui.kit;

import io.handwritingstudio.data.UserSamples;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user's own samples are datasets like any other: the picker lists them by a short name. */
class DatasetPickerTest extends ApplicationTest {
    @TempDir
    static Path data;
    private static String previous;
    private DatasetPicker picker;

    @BeforeAll
    static void aUserWithSavedDigits() throws Exception {
        previous = System.getProperty(UserSamples.DATA_DIR_PROPERTY);
        System.setProperty(UserSamples.DATA_DIR_PROPERTY, data.toString());
        Path digits = data.resolve("my-samples").resolve("digits");
        Files.createDirectories(digits);
        Files.writeString(digits.resolve("classes.txt"), "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n");
        Files.createDirectories(data.resolve("my-samples").resolve("not-a-dataset")); // no classes.txt: not listed
    }

    @AfterAll
    static void restore() {
        if (previous == null) System.clearProperty(UserSamples.DATA_DIR_PROPERTY);
        else System.setProperty(UserSamples.DATA_DIR_PROPERTY, previous);
    }

    @Override
    public void start(Stage stage) {
        picker = new DatasetPicker("picker", Executors.newSingleThreadExecutor());
        stage.setScene(new Scene(new StackPane(picker), 300, 100));
        stage.show();
    }

    @Test
    void listsTheCatalogueAndMySamplesByShortNames() throws Exception {
        String folder = data.resolve("my-samples").resolve("digits").toAbsolutePath().normalize().toString();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> picker.getItems().contains(folder));
        assertTrue(picker.getItems().contains("mnist"));
        assertTrue(picker.getItems().contains("letters"));
        assertTrue(picker.getItems().stream().noneMatch(i -> i.endsWith("not-a-dataset")));
        assertEquals("my samples: digits", DatasetPicker.displayName(folder));
        assertEquals("mnist", DatasetPicker.displayName("mnist"));
        assertEquals("data/idx", DatasetPicker.displayName("/home/someone/data/idx"));
    }
}

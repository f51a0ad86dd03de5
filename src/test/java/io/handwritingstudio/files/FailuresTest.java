package io.handwritingstudio.files;

import io.handwritingstudio.model.design.DesignException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresTest {
    @Test
    void aFileSystemExceptionSaysWhatIsWrongWithThePathNotJustThePath() {
        assertEquals("/home/u/x.zip: no such file or folder", Failures.sentence(new NoSuchFileException("/home/u/x.zip")));
        assertEquals("/srv/samples: permission denied",
                Failures.sentence(new UncheckedIOException(new AccessDeniedException("/srv/samples"))));
    }

    @Test
    void aWrapperWithNothingToAddGivesItsCausesSentence() {
        IOException cause = new NoSuchFileException("/a/b.png");
        assertEquals("/a/b.png: no such file or folder", Failures.sentence(new RuntimeException(cause)));
        assertEquals("/a/b.png: no such file or folder", Failures.sentence(new ExecutionException(cause)));
        assertEquals("could not prepare a batch", Failures.sentence(new RuntimeException("could not prepare a batch", cause)));
        assertEquals("could not write the checkpoint", Failures.sentence(
                new UncheckedIOException("could not write the checkpoint", new IOException("disk full"))), "its own words win");
    }

    @Test
    void aMessageIsOneLineAndNeverNull() {
        assertEquals("not a model", Failures.sentence(new IllegalStateException("not a model\n\tat somewhere")));
        assertEquals("NullPointerException", Failures.sentence(new NullPointerException()));
        assertEquals("unknown error", Failures.sentence(null));
    }

    @Test
    void theUsersFilesAndRefusedChoicesAreExpectedDefectsAreNot() {
        assertTrue(Failures.expected(new NoSuchFileException("/x")));
        assertTrue(Failures.expected(new RuntimeException(new IOException("disk full"))));
        assertTrue(Failures.expected(new IllegalStateException("could not save", new IOException("disk full"))));
        assertTrue(Failures.expected(new DesignException(2, "kernel 9 is larger than the 7 x 7 input")));
        assertTrue(Failures.expected(new IllegalArgumentException("unknown dataset 'x': neither a known name nor a folder")));
        assertFalse(Failures.expected(new IllegalStateException("index 50 out of bounds")));
        assertFalse(Failures.expected(new ArrayIndexOutOfBoundsException(50)));
        assertFalse(Failures.expected(new RuntimeException("wrapped", new NullPointerException())));
    }
}

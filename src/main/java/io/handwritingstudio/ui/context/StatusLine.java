package io.handwritingstudio.ui.context;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

import java.util.function.Consumer;

/**
 * The status bar's one line. News ("Saved ...") goes after a while, so it never describes a view the user has long
 * left; work under way ("Loading ...") and problems stay until the next message replaces them.
 */
public final class StatusLine {
    /** How long news stays: long enough to read a path, short enough not to outlive the view it came from. */
    public static final Duration NEWS_SHOWN_FOR = Duration.seconds(12);

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final Consumer<Runnable> afterAWhile;
    private long messagesShown;

    /** Fades news on the JavaFX thread's clock; off it (tests that run view models in place) news stays. */
    public StatusLine() {
        this(StatusLine::afterNewsTime);
    }

    /** With another clock: {@code afterAWhile} runs what it is given once news has been shown long enough. */
    public StatusLine(Consumer<Runnable> afterAWhile) {
        this.afterAWhile = afterAWhile;
    }

    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }

    public String text() { return text.get(); }

    /** Something that just happened: "Saved a "7" to ...". Cleared after {@link #NEWS_SHOWN_FOR}. */
    public void news(String message) {
        long shownAs = show(message);
        afterAWhile.accept(() -> {
            if (messagesShown == shownAs) text.set("");
        });
    }

    /** Work under way: "Loading mnist.zip...". Stays until the next message. */
    public void working(String message) {
        show(message);
    }

    /** Something went wrong: stays until the next message, so a user who looked away still reads it. */
    public void problem(String message) {
        show(message);
    }

    private long show(String message) {
        text.set(message);
        return ++messagesShown;
    }

    private static void afterNewsTime(Runnable clear) {
        if (!Platform.isFxApplicationThread()) return;
        PauseTransition wait = new PauseTransition(NEWS_SHOWN_FOR);
        wait.setOnFinished(e -> clear.run());
        wait.play();
    }
}

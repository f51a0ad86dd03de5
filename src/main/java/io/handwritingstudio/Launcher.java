package io.handwritingstudio;

import io.handwritingstudio.cli.HwsCommand;

/**
 * Entry point of {@code java -jar handwriting-studio.jar}: with a command it runs the CLI, without one it opens the
 * studio. A plain class (not a JavaFX Application) so a classpath launch finds the JavaFX runtime.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        io.handwritingstudio.model.EngineSetup.beforeNativeLoad();
        if (args.length == 0) {
            io.handwritingstudio.model.EngineSetup.init();
            javafx.application.Application.launch(io.handwritingstudio.ui.StudioApp.class);
            return;
        }
        System.exit(HwsCommand.execute(args));
    }
}

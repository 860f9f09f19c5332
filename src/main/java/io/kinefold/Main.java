package io.kinefold;

import io.kinefold.cli.KinefoldCommand;
import io.kinefold.ui.WorkbenchApp;

/**
 * Entry point of the jar: the GUI without arguments, the command line with them. Kept apart
 * from the JavaFX {@code Application} subclass because a main class that extends it refuses to
 * start from a plain class path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            WorkbenchApp.launchApp(args);
            return;
        }
        System.exit(KinefoldCommand.run(args));
    }
}

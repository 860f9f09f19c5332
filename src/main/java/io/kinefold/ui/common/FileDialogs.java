package io.kinefold.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The file and folder dialogs of every view, in one place: the system's dialogs in the app,
 * scripted answers in headless tests (a native dialog cannot be driven there).
 */
@FunctionalInterface
public interface FileDialogs {
    enum Kind { OPEN_FILE, SAVE_FILE, FOLDER }

    /**
     * What to ask.
     *
     * @param kind open a file, save a file, or choose a folder
     * @param title the dialog's title
     * @param initialFolder where it starts; null for the last folder used
     * @param initialName the suggested file name when saving; may be null
     * @param filterName what the files are, e.g. {@code CSV}; null for no filter
     * @param extension the files' extension without the dot, e.g. {@code csv}
     */
    record Request(Kind kind, String title, Path initialFolder, String initialName, String filterName, String extension) {
        public static Request openFile(String title, Path initialFolder, String filterName, String extension) {
            return new Request(Kind.OPEN_FILE, title, initialFolder, null, filterName, extension);
        }

        public static Request saveFile(String title, Path initialFolder, String initialName, String filterName, String extension) {
            return new Request(Kind.SAVE_FILE, title, initialFolder, initialName, filterName, extension);
        }

        public static Request folder(String title, Path initialFolder) {
            return new Request(Kind.FOLDER, title, initialFolder, null, null, null);
        }
    }

    /** The path the user chose, or empty when they cancelled. */
    Optional<Path> show(Window owner, Request request);

    /** The system's dialogs, remembering nothing across restarts; see {@link #system(Preferences)}. */
    static FileDialogs system() {
        return system(null);
    }

    /**
     * The system's dialogs, each starting where {@link FolderMemory} says: the request's folder,
     * the one last used for that kind of file (kept in {@code preferences}), or the user's home.
     */
    static FileDialogs system(Preferences preferences) {
        FolderMemory folders = new FolderMemory(preferences);
        return (owner, r) -> {
            File start = folders.start(r).toFile();
            File chosen;
            if (r.kind() == Kind.FOLDER) {
                DirectoryChooser dialog = new DirectoryChooser();
                dialog.setTitle(r.title());
                dialog.setInitialDirectory(start.isDirectory() ? start : null);
                chosen = dialog.showDialog(owner);
            } else {
                FileChooser dialog = new FileChooser();
                dialog.setTitle(r.title());
                dialog.setInitialDirectory(start.isDirectory() ? start : null);
                if (r.initialName() != null) {
                    dialog.setInitialFileName(r.initialName());
                }
                if (r.filterName() != null) {
                    dialog.getExtensionFilters().addAll(
                            new FileChooser.ExtensionFilter(r.filterName() + " (*." + r.extension() + ")", "*." + r.extension()),
                            new FileChooser.ExtensionFilter("All files", "*"));
                }
                // The system's save dialog asks before it replaces a file (GTK, Windows and macOS alike).
                chosen = r.kind() == Kind.SAVE_FILE ? dialog.showSaveDialog(owner) : dialog.showOpenDialog(owner);
            }
            Optional<Path> path = Optional.ofNullable(chosen).map(File::toPath);
            path.ifPresent(p -> folders.remember(r, p));
            return path;
        };
    }
}

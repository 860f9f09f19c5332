package io.kinefold.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.Preferences;

/**
 * Where a file dialog starts: the folder the request names, else the folder last used for that
 * kind of file (specs with specs, CSV exports with CSV exports, folders with folders), kept in the
 * preferences across restarts, else the user's home. Never nothing: a native dialog given no folder
 * opens wherever the process started (the source tree) or in an empty "Recent".
 */
public final class FolderMemory {
    static final String KEY_PREFIX = "dialogs.lastFolder.";

    private final Preferences preferences;
    private final Path home;

    /** @param preferences where the folders are kept; null keeps nothing, every dialog starts at home */
    public FolderMemory(Preferences preferences) {
        this(preferences, Path.of(System.getProperty("user.home")));
    }

    FolderMemory(Preferences preferences, Path home) {
        this.preferences = preferences;
        this.home = home;
    }

    /** The folder the dialog of this request opens in; always an existing folder when home exists. */
    public Path start(FileDialogs.Request request) {
        if (request.initialFolder() != null && Files.isDirectory(request.initialFolder())) {
            return request.initialFolder();
        }
        String last = preferences == null ? null : preferences.get(key(request), null);
        if (last != null && Files.isDirectory(Path.of(last))) {
            return Path.of(last);
        }
        return home;
    }

    /** Remembers where the user went: the folder chosen, or the folder of the file chosen. */
    public void remember(FileDialogs.Request request, Path chosen) {
        Path folder = request.kind() == FileDialogs.Kind.FOLDER ? chosen : chosen.toAbsolutePath().getParent();
        if (preferences != null && folder != null) {
            preferences.put(key(request), folder.toAbsolutePath().toString());
        }
    }

    /** One folder per kind of file: by extension, whether opened or saved; one for folders. */
    static String key(FileDialogs.Request request) {
        if (request.kind() == FileDialogs.Kind.FOLDER) {
            return KEY_PREFIX + "folder";
        }
        return KEY_PREFIX + (request.extension() == null ? "file" : request.extension().toLowerCase(Locale.ROOT));
    }
}

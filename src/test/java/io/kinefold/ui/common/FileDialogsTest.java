package io.kinefold.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDialogsTest {
    @TempDir Path dir;
    private final Preferences preferences = Preferences.userRoot().node("io/kinefold/test/dialogs");

    @AfterEach
    void tearDown() throws Exception {
        preferences.removeNode();
    }

    @Test
    void fileDialogsOpenInTheLastFolderOrHome() throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path specs = Files.createDirectory(dir.resolve("specs"));
        Path exports = Files.createDirectory(dir.resolve("exports"));
        FileDialogs.Request openSpec = FileDialogs.Request.openFile("Open a spec", null, "Experiment specs", "json");
        FileDialogs.Request saveSpec = FileDialogs.Request.saveFile("Save the spec", null, "quick.json", "Experiment specs", "json");
        FileDialogs.Request exportCsv = FileDialogs.Request.saveFile("Export", null, "run-1.csv", "CSV", "csv");
        FolderMemory folders = new FolderMemory(preferences, home);

        assertThat(folders.start(openSpec)).as("nothing used yet: home, never the working folder").isEqualTo(home);

        folders.remember(saveSpec, specs.resolve("quick.json"));
        folders.remember(exportCsv, exports.resolve("run-1.csv"));

        assertThat(folders.start(openSpec)).as("specs saved there are opened from there").isEqualTo(specs);
        assertThat(folders.start(exportCsv)).as("each kind of file its own folder").isEqualTo(exports);
        assertThat(new FolderMemory(preferences, home).start(openSpec)).as("across restarts").isEqualTo(specs);

        Files.delete(specs);
        assertThat(folders.start(openSpec)).as("a folder that has gone: home").isEqualTo(home);
        assertThat(folders.start(FileDialogs.Request.openFile("Open", exports, "Experiment specs", "json")))
                .as("a folder the request names comes first").isEqualTo(exports);
    }

    @Test
    void foldersAreRememberedApartFromFiles() throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path data = Files.createDirectory(dir.resolve("data"));
        FolderMemory folders = new FolderMemory(preferences, home);

        folders.remember(FileDialogs.Request.folder("Open a dataset folder", null), data);

        assertThat(folders.start(FileDialogs.Request.folder("Charts", null))).isEqualTo(data);
        assertThat(folders.start(FileDialogs.Request.openFile("Open", null, "JSON", "json"))).isEqualTo(home);
    }
}

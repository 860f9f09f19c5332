package io.kinefold.ui.experiment;

import io.kinefold.data.Dataset;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.SpecIo;
import io.kinefold.report.SpecFile;
import io.kinefold.ui.common.AppContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Loads presets and spec files into the experiment form and saves the form's spec, reading and
 * writing on the background executor, with what happened in words and the folder last used.
 * Kept apart from {@link ExperimentViewModel} because files, presets and preferences are a
 * concern of their own: the view model only says how a read spec goes into its fields.
 */
final class SpecFiles {
    static final String LAST_FOLDER_KEY = "lastSpecFolder";
    /** The spec of the form the last time it planned, as JSON: the next session starts from it. */
    static final String LAST_SPEC_KEY = "experiment.lastSpec";

    private final AppContext context;
    private final Executor fxThread;
    private final Executor background;
    private final BiFunction<ExperimentSpec, String, List<String>> applySpec;
    private final Supplier<Optional<ExperimentSpec>> build;
    private final List<String> problems;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    /**
     * @param applySpec puts a read spec into the form, named in words, and returns what could not be taken over
     * @param build the spec of the form when every field is valid
     * @param problems what keeps the form's spec from running, for the reason nothing is saved
     */
    SpecFiles(AppContext context, Executor fxThread, Executor background,
              BiFunction<ExperimentSpec, String, List<String>> applySpec, Supplier<Optional<ExperimentSpec>> build,
              List<String> problems) {
        this.context = context;
        this.fxThread = fxThread;
        this.background = background;
        this.applySpec = applySpec;
        this.build = build;
        this.problems = problems;
    }

    /** Puts a bundled preset into the form; the future completes once it is applied. */
    CompletableFuture<Void> loadPreset(String preset) {
        return load(() -> SpecIo.readResource(preset), "preset " + preset, null);
    }

    /** The spec an earlier session left, as JSON, or null. */
    String remembered() {
        return context.preferences() == null ? null : context.preferences().get(LAST_SPEC_KEY, null);
    }

    /** Puts the spec of the last session, as {@link #remembered()} read it, into the form; completes once applied. */
    CompletableFuture<Void> loadRemembered(String json) {
        return load(() -> SpecIo.parse(json, "the last session's spec"), "the spec of the last session", null);
    }

    /**
     * Keeps the spec for the next session. A preference holds 8 KB at most; a spec that big
     * (hundreds of grid values) is not kept, and the next session starts from the preset.
     */
    void remember(ExperimentSpec spec) {
        Preferences preferences = context.preferences();
        if (preferences == null || spec == null) {
            return;
        }
        String json = SpecIo.toJson(spec);
        if (json.length() <= Preferences.MAX_VALUE_LENGTH) {
            preferences.put(LAST_SPEC_KEY, json);
        }
    }

    /** Reads a spec file into the form, in the background. */
    CompletableFuture<Void> open(Path file) {
        return load(() -> SpecIo.read(file), file.getFileName().toString(), file);
    }

    private interface SpecSource {
        ExperimentSpec read() throws SpecException;
    }

    private CompletableFuture<Void> load(SpecSource source, String what, Path file) {
        CompletableFuture<Void> applied = new CompletableFuture<>();
        busy.set(true);
        background.execute(() -> {
            Runnable apply;
            try {
                ExperimentSpec read = source.read();
                apply = () -> {
                    List<String> notes = applySpec.apply(read, what);
                    if (file != null) {
                        notes.addAll(0, datasetNote(read));
                        rememberFolder(file);
                    }
                    status.set("Loaded " + what + (notes.isEmpty() ? "" : " — " + String.join("; ", notes)));
                    error.set(null);
                };
            } catch (SpecException e) {
                apply = () -> error.set("Could not load " + what + ": " + String.join("; ", e.problems()));
            } catch (RuntimeException e) {
                apply = () -> error.set("Could not load " + what + ": " + e.getMessage());
            }
            Runnable finalApply = apply;
            fxThread.execute(() -> {
                try {
                    finalApply.run();
                } finally {
                    busy.set(false);
                    applied.complete(null);
                }
            });
        });
        return applied;
    }

    private List<String> datasetNote(ExperimentSpec loaded) {
        Dataset dataset = context.datasetProperty().get();
        if (loaded.dataset() == null || dataset == null) {
            return new ArrayList<>();
        }
        Path made = Path.of(loaded.dataset()).toAbsolutePath().normalize();
        if (made.equals(dataset.root().toAbsolutePath().normalize())) {
            return new ArrayList<>();
        }
        return new ArrayList<>(List.of("made for " + loaded.dataset() + ", designed here for the open dataset "
                + dataset.name()));
    }

    /**
     * Writes the spec of the fields to a file, whole or not at all; {@code .json} is added to a
     * name without an extension. The future completes with the file written, or null.
     */
    CompletableFuture<Path> save(Path file) {
        CompletableFuture<Path> saved = new CompletableFuture<>();
        ExperimentSpec toSave = build.get().orElse(null);
        if (toSave == null) {
            error.set("Nothing saved: " + (problems.isEmpty() ? "the form is incomplete" : problems.get(0)));
            saved.complete(null);
            return saved;
        }
        String fileName = file.getFileName().toString();
        Path target = fileName.contains(".") ? file : file.resolveSibling(fileName + ".json");
        busy.set(true);
        background.execute(() -> {
            Runnable apply;
            try {
                SpecFile.write(toSave, target);
                apply = () -> {
                    status.set("Saved " + target.getFileName() + " in " + target.toAbsolutePath().getParent());
                    error.set(null);
                    rememberFolder(target);
                    saved.complete(target);
                };
            } catch (IOException | RuntimeException e) {
                apply = () -> {
                    error.set("Could not save " + target + ": " + e.getMessage());
                    saved.complete(null);
                };
            }
            Runnable finalApply = apply;
            fxThread.execute(() -> {
                busy.set(false);
                finalApply.run();
            });
        });
        return saved;
    }

    /** Where spec files were last opened or saved, for the file chooser. */
    Optional<Path> lastFolder() {
        Preferences preferences = context.preferences();
        String last = preferences == null ? null : preferences.get(LAST_FOLDER_KEY, null);
        return last != null && Files.isDirectory(Path.of(last)) ? Optional.of(Path.of(last)) : Optional.empty();
    }

    private void rememberFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (context.preferences() != null && folder != null) {
            context.preferences().put(LAST_FOLDER_KEY, folder.toString());
        }
    }

    /** Says what was done to the form, e.g. grids kept or copied. */
    void setStatus(String text) {
        status.set(text);
    }

    ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}

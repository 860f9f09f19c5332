package io.kinefold.ui.run;

import io.kinefold.exec.MachineState;
import io.kinefold.exec.RunWarnings;
import io.kinefold.exec.TrialTimeout;
import io.kinefold.exec.WorkerChoice;
import io.kinefold.exec.WorkerCount;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.ui.common.AppContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What a run would start with, in words, before it starts: the Experiment tab's spec on the open
 * dataset, and the worker count as typed, checked, with why it comes to what it does. Split from
 * {@link RunViewModel} so that describing and checking the inputs lives apart from running them;
 * touches no control.
 */
final class RunInputs {
    private final AppContext context;
    private final RunStatus run;
    // The view model's UI executor, under its lock.
    private final Consumer<Runnable> ui;
    private final Supplier<MachineState> machine;
    private final ReadOnlyStringWrapper specText = new ReadOnlyStringWrapper(this, "specText");
    private final ReadOnlyStringWrapper runBlocked = new ReadOnlyStringWrapper(this, "runBlocked");
    private final ReadOnlyStringWrapper workersError = new ReadOnlyStringWrapper(this, "workersError");
    /** Seconds a trial may run before its worker is killed, as typed; empty for the derived default. */
    private final StringProperty trialTimeout = new SimpleStringProperty(this, "trialTimeout", "");

    /** Follows the context's worker count, spec and dataset; the worker count's reason goes to {@code run}. */
    RunInputs(AppContext context, RunStatus run, Consumer<Runnable> ui, Supplier<MachineState> machine) {
        this.context = context;
        this.run = run;
        this.ui = ui;
        this.machine = machine;
        context.workersProperty().addListener((obs, old, text) -> validateWorkers());
        trialTimeout.addListener((obs, old, text) -> validateWorkers());
        validateWorkers();
        context.specProperty().addListener((obs, old, spec) -> describeSpec());
        context.datasetProperty().addListener((obs, old, dataset) -> describeSpec());
        describeSpec();
    }

    private void describeSpec() {
        ExperimentSpec spec = context.specProperty().get();
        if (context.datasetProperty().get() == null) {
            specText.set("No dataset open: open one in the Dataset tab");
            runBlocked.set("Nothing to run yet: open a dataset in the Dataset tab");
        } else if (spec == null) {
            specText.set("No valid experiment: design one in the Experiment tab");
            runBlocked.set("Nothing to run yet: the experiment has problems; fix them in the Experiment tab");
        } else {
            runBlocked.set(null);
            specText.set("Experiment “" + spec.name() + "”: " + spec.models().size()
                    + (spec.models().size() == 1 ? " model" : " models") + ", " + spec.folds() + " folds");
        }
    }

    /** The worker count the text asks for, with the trial timeout as typed, or empty with the reason in words. */
    Optional<WorkerChoice> parseWorkers(String text, StringBuilder why) {
        try {
            return withTimeout(WorkerChoice.parse(text), why);
        } catch (IllegalArgumentException e) {
            why.append("Workers: ").append(e.getMessage());
            return Optional.empty();
        }
    }

    /** The choice with the trial timeout as typed, or empty with the reason in words. */
    Optional<WorkerChoice> withTimeout(WorkerChoice choice, StringBuilder why) {
        String problem = TrialTimeout.problem(trialTimeout.get());
        if (problem != null) {
            why.append("Trial timeout: ").append(problem);
            return Optional.empty();
        }
        return Optional.of(choice.withTrialTimeout(TrialTimeout.parse(trialTimeout.get())));
    }

    /**
     * Checks the text as typed, on the FX thread; the reason of a valid count asks the machine
     * (OSHI: cores, free memory, for {@code auto} and for the check of a typed number alike), so it
     * is worked out in the background.
     */
    private void validateWorkers() {
        String text = context.workersProperty().get();
        String problem = WorkerCount.problem(text);
        String timeoutProblem = TrialTimeout.problem(trialTimeout.get());
        workersError.set(problem != null ? "Workers: " + problem
                : timeoutProblem != null ? "Trial timeout: " + timeoutProblem : null);
        if (run.runningProperty().get()) {
            return;
        }
        if (problem != null) {
            run.setReason("");
            run.setWarnings(List.of());
        } else {
            context.background().execute(() -> {
                WorkerCount count = WorkerCount.parse(text);
                List<String> warnings = RunWarnings.before(count.workers(), false, machine.get(), WorkerCount.INITIAL_FOOTPRINT);
                ui.accept(() -> {
                    if (!run.runningProperty().get() && text.equals(context.workersProperty().get())) {
                        run.setReason(count.reason());
                        run.setWarnings(warnings);
                    }
                });
            });
        }
    }

    ReadOnlyStringProperty specTextProperty() { return specText.getReadOnlyProperty(); }
    ReadOnlyStringProperty workersErrorProperty() { return workersError.getReadOnlyProperty(); }
    ReadOnlyStringProperty runBlockedProperty() { return runBlocked.getReadOnlyProperty(); }
    StringProperty trialTimeoutProperty() { return trialTimeout; }
}

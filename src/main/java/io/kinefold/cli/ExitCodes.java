package io.kinefold.cli;

import io.kinefold.data.DatasetException;
import io.kinefold.exec.ModelFileException;
import io.kinefold.exec.RefitRefusedException;
import io.kinefold.exec.ResumeRefusedException;
import io.kinefold.experiment.SpecException;
import io.kinefold.store.RunHeldException;
import io.kinefold.store.StoreException;
import io.kinefold.store.StoreFailure;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one mapping of what ended a command to its exit code, for every command: 0 the work
 * succeeded, 1 the work failed (a trial failed after its retries, the pool could not start, a
 * cancel, a file that cannot be written), 2 bad usage or bad input. A database that is corrupt,
 * not Kinefold's, unreachable or unwritable is bad input like a broken spec or dataset: the
 * user's to fix, not the work's failure; so is a resume refused because the run is held by a
 * live process or its dataset changed.
 */
final class ExitCodes {
    static final String HEADING = "%nExit codes:%n";
    static final String OK = "0:success";
    static final String RUN_FAILED = "1:the work failed: a trial failed after its retries, the worker pool failed or the run was "
            + "cancelled; the run is stored as FAILED or CANCELLED and resume runs what is left";
    static final String WORK_FAILED = "1:the work failed (a file that cannot be written)";
    static final String BAD_INPUT = "2:bad usage or bad input: a spec or dataset that cannot be used, a grid of more than "
            + "100,000 trials without --allow-large, a corrupt, unreachable or unwritable database";
    static final String STORE_BAD_INPUT = "2:bad usage or bad input: no such run, a corrupt, unreachable or unwritable database";
    static final String RESUME_REFUSED = "2:bad usage or bad input: no such run, a corrupt, unreachable or unwritable database, "
            + "a run that another live process runs (named by host and pid), or a dataset that changed since the run started "
            + "(the recordings that changed are named)";
    static final String REFIT_REFUSED = "2:bad usage or bad input: no such run or model, a model with no succeeded grid point, "
            + "a dataset that cannot be read or changed since the run (the recordings that changed are named), an --out that "
            + "is a link, folder, FIFO or device, a corrupt, unreachable or unwritable database";
    static final String PREDICT_BAD_INPUT = "2:bad usage or bad input: a file that is not a Kinefold model or is of a format "
            + "this version cannot read, a dataset that cannot be read, has no samples for the model or gives another "
            + "feature count than the model takes";

    private ExitCodes() {}

    /** The exit code of an exception that ended a command. */
    static int of(Throwable e) {
        if (e instanceof StoreException || e instanceof StoreFailure || e instanceof RunHeldException
                || e instanceof ResumeRefusedException || e instanceof RefitRefusedException || e instanceof ModelFileException
                || e instanceof SpecException || e instanceof DatasetException
                || e instanceof CommandLine.ParameterException) {
            return KinefoldCommand.BAD_INPUT;
        }
        return KinefoldCommand.FAILED;
    }

    /** Prints what ended the command, {@code kinefold: …}, and returns its exit code. */
    static int report(Throwable e, PrintWriter err) {
        err.println("kinefold: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        err.flush();
        return of(e);
    }
}

package io.kinefold.cli;

import io.kinefold.data.DatasetException;
import io.kinefold.data.Problem;
import io.kinefold.exec.RunService;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.SpecIo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code SPEC [--dataset DIR]}, shared by the commands that run a spec. */
final class SpecOption {
    @Parameters(paramLabel = "SPEC", description = "Experiment spec (JSON; a relative dataset in it is taken from the spec "
            + "file's folder), or the name of a preset: quick, article (they use the bundled dataset).")
    String specArg;

    @Option(names = "--dataset", paramLabel = "DIR", description = "Dataset folder, instead of the spec's.")
    Path dataset;

    @Option(names = "--allow-large", description = "Run a plan of more than 100,000 trials, which is refused otherwise.")
    boolean allowLarge;

    /**
     * Loads the spec and its dataset and plans it; prints every problem in plain words and returns
     * null when the spec or the dataset cannot be used.
     */
    RunService.Prepared prepare(PrintWriter err) {
        RunService.Prepared prepared;
        try {
            prepared = RunService.prepare(loadSpec(specArg), dataset, Path.of("."), allowLarge);
        } catch (SpecException e) {
            e.problems().forEach(p -> err.println("kinefold: " + p));
            return null;
        } catch (DatasetException e) {
            err.println("kinefold: " + e.getMessage());
            e.problems().forEach(p -> err.println("  " + p));
            return null;
        }
        if (!prepared.dataset().problems().isEmpty()) {
            err.println("Dataset " + prepared.datasetDir() + ": " + prepared.dataset().problems().size()
                    + " problem(s), the rest loaded (kinefold dataset inspect lists them):");
            prepared.dataset().problems().stream().limit(5).map(Problem::toString).forEach(p -> err.println("  " + p));
        }
        for (String skipped : prepared.plan().skipped()) {
            err.println("Skipped " + skipped);
        }
        return prepared;
    }

    /** A spec file, or a preset by name. */
    static ExperimentSpec loadSpec(String arg) throws SpecException {
        Path path = Path.of(arg);
        if (Files.isRegularFile(path)) {
            return SpecIo.read(path);
        }
        if (!arg.contains("/") && !arg.endsWith(".json")) {
            return SpecIo.readResource(arg);
        }
        throw new SpecException(arg + ": no such spec file");
    }
}

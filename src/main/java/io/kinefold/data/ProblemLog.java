package io.kinefold.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects problems, naming each file relative to the dataset folder. Not thread-safe. */
public final class ProblemLog {
    private final Path root;
    private final List<Problem> problems = new ArrayList<>();

    public ProblemLog(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public void report(Path file, String message) {
        problems.add(new Problem(name(file), message));
    }

    public String name(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(root) && !absolute.equals(root)) {
            return root.relativize(absolute).toString().replace('\\', '/');
        }
        return absolute.toString();
    }

    /** The dataset folder the files are named relative to. */
    public Path root() {
        return root;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public int size() {
        return problems.size();
    }
}

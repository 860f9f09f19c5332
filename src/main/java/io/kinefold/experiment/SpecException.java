package io.kinefold.experiment;

import java.util.List;

/** A spec that cannot be read or does not fit its dataset; each message names its field. */
public class SpecException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public SpecException(String message) {
        this(List.of(message));
    }

    public SpecException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

package io.kinefold.data;

import java.util.List;

/** A dataset with nothing usable in it; carries every problem found on the way. */
public class DatasetException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public DatasetException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

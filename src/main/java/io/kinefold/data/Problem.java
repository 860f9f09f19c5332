package io.kinefold.data;

import java.util.Objects;

/**
 * Something wrong with one input file that did not stop the rest of the dataset from loading.
 *
 * @param file the file, relative to the dataset folder where it lies inside it
 * @param message what is wrong, naming the field or frame where there is one
 */
public record Problem(String file, String message) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + ": " + message;
    }
}

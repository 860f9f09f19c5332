package io.kinefold.exec;

/**
 * A model file that cannot be used: not a Kinefold model, a format or kind this version cannot
 * read, damaged weights, or a dataset whose samples do not fit the model. The message names the
 * file; the faces show it as bad input.
 */
public class ModelFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

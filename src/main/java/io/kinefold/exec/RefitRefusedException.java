package io.kinefold.exec;

/**
 * A refit that must not happen: the run has no such model, the model has no grid point with a
 * succeeded fold, or the run's dataset changed since it ran (a model trained on other data than
 * the run chose its grid point on). The message names the run and the model; the faces show it as
 * bad input.
 */
public class RefitRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public RefitRefusedException(String message) {
        super(message);
    }
}

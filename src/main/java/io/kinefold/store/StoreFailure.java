package io.kinefold.store;

/**
 * An SQL operation that failed on a store that opened fine: a full disk, a lock held past the
 * busy timeout, a broken file. Unchecked because no caller can do more than report it; the
 * message names the file and the operation.
 */
public class StoreFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.kinefold.store;

/**
 * A database that cannot be used as a Kinefold store: not an SQLite file, written by a newer
 * Kinefold, another application's database, or a stored spec that no longer reads. The message
 * names the file and what is wrong.
 */
public class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.kinefold.cluster;

/** The cluster cannot be used as asked: no node answered, none has this build, an address is malformed. */
public final class ClusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}

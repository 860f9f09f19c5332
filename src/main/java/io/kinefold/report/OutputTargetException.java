package io.kinefold.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output path that is not a new path or an existing regular file: a symbolic link, a folder, a
 * FIFO, a device or a socket. Nothing was written and the path was left as it was. Bad input, not a
 * failed write: the faces report it as a usage error.
 */
public final class OutputTargetException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path target;

    OutputTargetException(Path target, String what) {
        super(target + ": " + what + "; refused, left as it is (give a new file name or a regular file to replace)");
        this.target = target;
    }

    public Path target() {
        return target;
    }
}

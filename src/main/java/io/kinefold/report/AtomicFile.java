package io.kinefold.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes a whole file or nothing, and only where a file belongs: a failure leaves the target as it
 * was and no temporary file behind, and a target that exists but is not a regular file is refused.
 * The refusal matters because the write ends in a rename over the target, and a rename replaces
 * whatever is there: it would put a plain file in place of a symbolic link (rather than writing
 * where the link points), a FIFO or even a device such as {@code /dev/full} when run as root.
 */
public final class AtomicFile {
    private AtomicFile() {}

    public static void write(Path out, String content) throws IOException {
        write(out, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the bytes to {@code out}, replacing a regular file there.
     *
     * @throws OutputTargetException when {@code out} is a symbolic link, a folder, a FIFO, a device or a socket
     */
    public static void write(Path out, byte[] bytes) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(bytes, "bytes");
        Path target = out.toAbsolutePath();
        checkTarget(target);
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // Beside the target, so the move stays within one file system and can be atomic. Not
        // Files.createTempFile: its owner-only permissions would carry over to the file.
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            // Again just before the move: the render and the write may have taken a while.
            checkTarget(target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Checks that {@code out} is a new path or an existing regular file, without following a link.
     *
     * @throws OutputTargetException when it is anything else
     */
    public static void checkTarget(Path out) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(out, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (attributes.isSymbolicLink()) {
            throw new OutputTargetException(out, "is a symbolic link");
        }
        if (attributes.isDirectory()) {
            throw new OutputTargetException(out, "is a folder");
        }
        if (!attributes.isRegularFile()) {
            throw new OutputTargetException(out, "is not a regular file (a FIFO, device or socket)");
        }
    }
}

package io.kinefold.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What of a dataset may be read: only what lies inside the dataset folder once symbolic links are
 * resolved, only regular files, and only up to a size. A manifest is input from anyone, so a
 * {@code source} of {@code ../../etc/shadow} or a link out of the folder must not be read, and a
 * FIFO named like a frame file must never be opened (opening it blocks until someone writes).
 *
 * <p>A refusal is a reason in plain words that names neither the link's target nor anything of its
 * contents. A file swapped for a FIFO between the check and the open is not guarded against: the
 * dataset's own folder is trusted that far.
 */
final class SourceGuard {
    /** A per-frame OpenPose file is a few kB; one above this is not OpenPose output. */
    static final long MAX_FRAME_BYTES = 16L << 20;
    /** A manifest lists recordings and labels, never frames. */
    static final long MAX_MANIFEST_BYTES = 16L << 20;
    /** A CSV recording holds every frame of a recording (some 600 bytes a frame). */
    static final long MAX_CSV_BYTES = 256L << 20;

    private final Path root;

    private SourceGuard(Path root) {
        this.root = root;
    }

    /** The guard of a dataset folder. */
    static SourceGuard of(Path datasetRoot) {
        Path absolute = datasetRoot.toAbsolutePath().normalize();
        try {
            return new SourceGuard(absolute.toRealPath());
        } catch (IOException e) {
            return new SourceGuard(absolute);
        }
    }

    /** Why the folder may not be read, or empty when it is a folder inside the dataset. */
    Optional<String> refuseFolder(Path dir) {
        Optional<Path> real = real(dir);
        if (real.isEmpty()) {
            return Optional.of("does not exist");
        }
        if (!real.get().startsWith(root)) {
            return Optional.of("lies outside the dataset folder (after following links); not read");
        }
        return Files.isDirectory(real.get(), LinkOption.NOFOLLOW_LINKS) ? Optional.empty() : Optional.of("is not a folder");
    }

    /** Why the file may not be read, or empty when it is a regular file inside the dataset of at most {@code maxBytes}. */
    Optional<String> refuseFile(Path file, long maxBytes) {
        Optional<Path> real = real(file);
        if (real.isEmpty()) {
            return Optional.of("does not exist");
        }
        if (!real.get().startsWith(root)) {
            return Optional.of("lies outside the dataset folder (after following links); not read");
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real.get(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return Optional.of("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (attributes.isDirectory()) {
            return Optional.of("is a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            return Optional.of("is not a regular file (a FIFO, device or socket); not read");
        }
        if (attributes.size() > maxBytes) {
            return Optional.of("is " + megabytes(attributes.size()) + ", above the limit of " + megabytes(maxBytes) + "; not read");
        }
        return Optional.empty();
    }

    /**
     * The file's bytes, at most {@code maxBytes + 1} of them: a longer result means the file grew
     * past the limit after {@link #refuseFile} looked at it.
     */
    static byte[] readAtMost(Path file, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
    }

    static String megabytes(long bytes) {
        return bytes >= 10L << 20 ? (bytes >> 20) + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static Optional<Path> real(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // A link loop or an unreadable folder on the way: treated as not there.
            return Optional.empty();
        }
    }
}

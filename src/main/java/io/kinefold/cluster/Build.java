package io.kinefold.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What makes two Kinefold processes the same build, so that a trial gives the same metrics on
 * every node: a hash of the app's code (every entry of the jar by name and CRC, or every file of a
 * class directory by content) and of the libraries on its class path (by file name, which carries
 * the version). A node whose hash differs from the coordinator's is refused.
 *
 * <p>The system property {@value #PRETEND} replaces the hash: for a test of that refusal, which
 * needs a node of another build and has only one.
 */
public final class Build {
    /** System property that replaces this process's build hash (tests). */
    public static final String PRETEND = "kinefold.cluster.build";

    private static volatile String hash;

    private Build() {}

    /** This process's build, 16 hex digits; computed once. */
    public static String hash() {
        String pretend = System.getProperty(PRETEND);
        if (pretend != null && !pretend.isBlank()) {
            return pretend;
        }
        String h = hash;
        if (h == null) {
            h = compute();
            hash = h;
        }
        return h;
    }

    private static String compute() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path code = Path.of(Build.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                hashDirectory(code, digest);
                for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                    if (entry.endsWith(".jar")) {
                        digest.update(Path.of(entry).getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
            } else {
                hashJar(code, digest);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException | URISyntaxException e) {
            throw new IllegalStateException("cannot hash this build: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read this build's code to hash it", e);
        }
    }

    private static void hashJar(Path jar, MessageDigest digest) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> entries = new ArrayList<>();
            for (JarEntry e : Collections.list(file.entries())) {
                if (!e.isDirectory() && !e.getName().equals("META-INF/MANIFEST.MF")) {
                    entries.add(e.getName() + " " + Long.toHexString(e.getCrc()) + " " + e.getSize());
                }
            }
            Collections.sort(entries);
            entries.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            String classPath = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null) {
                digest.update(classPath.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void hashDirectory(Path dir, MessageDigest digest) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
        for (Path f : files) {
            digest.update((f.toString().replace('\\', '/') + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(dir.resolve(f)));
        }
    }
}

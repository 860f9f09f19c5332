package io.kinefold.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The application's own version, and where its bundled dataset lies. */
public final class AppInfo {
    public static final String NAME = "Kinefold";
    /** The dataset the app opens on first start, relative to {@link #home()}. */
    public static final String BUNDLED_DATASET = "datasets/demo";

    private AppInfo() {}

    /**
     * The folder that holds the bundled dataset: the working directory when it has one (a
     * checkout), else the nearest folder above the jar or the classes that has one (the jar lies
     * in {@code target/} of the checkout), else the working directory. The presets' relative
     * {@code dataset} is taken from here, so that they run from any directory.
     */
    public static Path home() {
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isDirectory(cwd.resolve(BUNDLED_DATASET))) {
            return cwd;
        }
        try {
            var source = AppInfo.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path at = Path.of(source.getLocation().toURI()).toAbsolutePath();
                for (int up = 0; up < 4 && at != null; up++, at = at.getParent()) {
                    if (Files.isDirectory(at.resolve(BUNDLED_DATASET))) {
                        return at;
                    }
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // an unusual class loader: fall back to the working directory
        }
        return cwd;
    }

    /** The bundled dataset's folder, absolute (it may not exist in an installation without it). */
    public static Path bundledDataset() {
        return home().resolve(BUNDLED_DATASET);
    }

    public static String version() {
        return property("version");
    }

    /** The DL4J version the build was made with. */
    public static String dl4jVersion() {
        return property("dl4j");
    }

    private static String property(String key) {
        try (InputStream in = AppInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

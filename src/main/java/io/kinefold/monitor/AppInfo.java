package io.kinefold.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's own version, and where its bundled dataset lies. */
public final class AppInfo {
    public static final String NAME = "Kinefold";
    /** The dataset the app opens on first start, relative to the working directory. */
    public static final String BUNDLED_DATASET = "datasets/demo";

    private AppInfo() {}

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

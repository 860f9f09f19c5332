package io.kinefold.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/** Makes a run look held by another process, for tests of the lease outside this package. */
public final class Leases {
    private Leases() {}

    /** Opens a session of the run as the given process would; returns its id. */
    public static long holdAs(Path db, long runId, String host, long pid) throws StoreException {
        try (Store store = Store.open(db)) {
            return store.startSessionAs(runId, host, pid);
        }
    }

    /** Sets the session's last heartbeat, as if its process had gone silent then. */
    public static void beatAt(Path db, long sessionId, long epochMillis) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = c.prepareStatement("UPDATE sessions SET heartbeat_at = ? WHERE id = ?")) {
            ps.setLong(1, epochMillis);
            ps.setLong(2, sessionId);
            ps.executeUpdate();
        }
    }

    /** A process that lives until the test destroys it. */
    public static Process liveProcess() throws Exception {
        return new ProcessBuilder("sleep", "600").start();
    }

    /** The pid of a process that has ended. */
    public static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}

package io.kinefold.store;

import static io.kinefold.store.Database.lastId;

import java.io.IOException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code sessions} table: one row per time a process executed a run, and with it the run's
 * lease. A session that is not ended is the lease of its process (host and pid) for as long as
 * that process lives and beats ({@code heartbeat_at}); a session whose process is gone from this
 * host, or whose heartbeat is older than {@link Store#LEASE_STALE_AFTER}, is stale and is closed
 * when another process takes the run over. Checking and taking happen in one {@code BEGIN
 * IMMEDIATE} transaction, so two processes resuming the same run at once cannot both get it.
 */
final class SessionTable {
    private final Database db;
    private volatile String host;

    SessionTable(Database db) {
        this.db = db;
    }

    long startSession(long runId) {
        return startSession(runId, host(), ProcessHandle.current().pid());
    }

    /** Starts a session for the given process: lets tests hold a run as another process would. */
    long startSession(long runId, String hostName, long pid) {
        String here = host();
        long self = ProcessHandle.current().pid();
        return db.transaction("start a session of run " + runId, c -> {
            long now = System.currentTimeMillis();
            for (Open open : openSessions(c, runId)) {
                if (open.isOf(here, self)) {
                    // This process coordinates its own runs (the workbench runs one at a time).
                    continue;
                }
                if (live(open, here, now)) {
                    throw new RunHeldException(open.holder(runId));
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET ended_at = ? WHERE id = ?")) {
                    // wall_seconds stays NULL: a session that died measured nothing that counts.
                    ps.setLong(1, now);
                    ps.setLong(2, open.id());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sessions (run_id, started_at, host, pid, heartbeat_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, runId);
                ps.setLong(2, now);
                ps.setString(3, hostName);
                ps.setLong(4, pid);
                ps.setLong(5, now);
                ps.executeUpdate();
                return lastId(c);
            }
        });
    }

    void heartbeat(long sessionId) {
        db.query("heartbeat of session " + sessionId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET heartbeat_at = ? WHERE id = ?")) {
                ps.setLong(1, System.currentTimeMillis());
                ps.setLong(2, sessionId);
                return ps.executeUpdate();
            }
        });
    }

    void endSession(long sessionId, double wallSeconds) {
        int updated = db.query("end session " + sessionId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sessions SET ended_at = ?, wall_seconds = ? WHERE id = ?")) {
                ps.setLong(1, System.currentTimeMillis());
                if (Double.isFinite(wallSeconds)) {
                    ps.setDouble(2, wallSeconds);
                } else {
                    ps.setNull(2, Types.REAL);
                }
                ps.setLong(3, sessionId);
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalArgumentException(db.file() + ": no session " + sessionId);
        }
    }

    /** The live holder of the run other than this process, if there is one. */
    Optional<RunHolder> liveHolder(long runId) {
        String here = host();
        long self = ProcessHandle.current().pid();
        return db.query("read the sessions of run " + runId, c -> {
            long now = System.currentTimeMillis();
            return openSessions(c, runId).stream()
                    .filter(open -> !open.isOf(here, self) && live(open, here, now))
                    .map(open -> open.holder(runId))
                    .findFirst();
        });
    }

    private record Open(long id, String host, long pid, long heartbeat) {
        boolean isOf(String hostName, long processId) {
            return host.equals(hostName) && pid == processId;
        }

        RunHolder holder(long runId) {
            return new RunHolder(runId, host, pid, Instant.ofEpochMilli(heartbeat));
        }
    }

    private static List<Open> openSessions(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, host, pid, COALESCE(heartbeat_at, started_at) FROM sessions
                 WHERE run_id = ? AND ended_at IS NULL ORDER BY id""")) {
            ps.setLong(1, runId);
            List<Open> open = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    open.add(new Open(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return open;
        }
    }

    /**
     * Whether the session's process still holds the run: it beat recently, and, when it ran on
     * this host, its pid is still alive. A process on another host is taken at its heartbeat's word.
     */
    private static boolean live(Open open, String here, long now) {
        if (now - open.heartbeat() > Store.LEASE_STALE_AFTER.toMillis()) {
            return false;
        }
        if (open.host().equals(here)) {
            return ProcessHandle.of(open.pid()).map(ProcessHandle::isAlive).orElse(false);
        }
        return true;
    }

    String host() {
        // Looked up once, late and outside the lock: a misconfigured resolver can take seconds
        // to answer, and two threads racing here both get the same answer.
        String name = host;
        if (name == null) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "unknown";
            }
            host = name;
        }
        return name;
    }
}

package io.kinefold.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema as an ordered list of migrations, each applied once in its own transaction and
 * recorded in {@code schema_version}. A released migration is never edited: a change to the
 * schema is a new migration at the end of the list.
 */
final class Migrations {

    record Migration(int version, String description, List<String> statements) {}

    static final List<Migration> ALL = List.of(
            new Migration(1, "experiments, runs, sessions, trials", List.of(
                    """
                    CREATE TABLE schema_version (
                        version     INTEGER PRIMARY KEY,
                        description TEXT    NOT NULL,
                        applied_at  INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE experiments (
                        id         INTEGER PRIMARY KEY AUTOINCREMENT,
                        name       TEXT    NOT NULL,
                        spec_json  TEXT    NOT NULL,
                        created_at INTEGER NOT NULL
                    )""",
                    // AUTOINCREMENT so that the id of a deleted run is never handed to a new one:
                    // reports and exports name runs by id.
                    """
                    CREATE TABLE runs (
                        id              INTEGER PRIMARY KEY AUTOINCREMENT,
                        experiment_id   INTEGER NOT NULL REFERENCES experiments (id),
                        mode            TEXT    NOT NULL,
                        workers         INTEGER NOT NULL,
                        dataset         TEXT,
                        provenance_json TEXT,
                        status          TEXT    NOT NULL,
                        trials_total    INTEGER NOT NULL,
                        started_at      INTEGER NOT NULL,
                        finished_at     INTEGER
                    )""",
                    "CREATE INDEX runs_experiment ON runs (experiment_id)",
                    """
                    CREATE TABLE sessions (
                        id           INTEGER PRIMARY KEY AUTOINCREMENT,
                        run_id       INTEGER NOT NULL REFERENCES runs (id),
                        started_at   INTEGER NOT NULL,
                        ended_at     INTEGER,
                        wall_seconds REAL,
                        host         TEXT    NOT NULL,
                        pid          INTEGER NOT NULL
                    )""",
                    "CREATE INDEX sessions_run ON sessions (run_id)",
                    // Numeric metrics may be NULL: SQLite stores NaN as NULL, so a NULL metric of
                    // a trial with metrics reads back as NaN. `epochs` is never NULL when the
                    // trial has metrics and marks whether it has them.
                    """
                    CREATE TABLE trials (
                        run_id         INTEGER NOT NULL REFERENCES runs (id),
                        trial_key      TEXT    NOT NULL,
                        model          TEXT    NOT NULL,
                        grid_point     INTEGER NOT NULL,
                        fold           INTEGER NOT NULL,
                        params_json    TEXT    NOT NULL,
                        status         TEXT    NOT NULL,
                        accuracy       REAL,
                        macro_f1       REAL,
                        confusion_json TEXT,
                        train_seconds  REAL,
                        epochs         INTEGER,
                        train_samples  INTEGER,
                        test_samples   INTEGER,
                        error          TEXT,
                        worker         TEXT,
                        wall_seconds   REAL,
                        session_id     INTEGER REFERENCES sessions (id),
                        completions    INTEGER NOT NULL DEFAULT 1,
                        finished_at    INTEGER NOT NULL,
                        PRIMARY KEY (run_id, trial_key)
                    )""")),
            new Migration(2, "resource samples", List.of(
                    """
                    CREATE TABLE resource_samples (
                        run_id       INTEGER NOT NULL REFERENCES runs (id),
                        epoch_millis INTEGER NOT NULL,
                        source       TEXT    NOT NULL,
                        metric       TEXT    NOT NULL,
                        value        REAL
                    )""",
                    "CREATE INDEX resource_samples_run ON resource_samples (run_id, epoch_millis)")),
            new Migration(3, "comparisons of single-process and pool runs", List.of(
                    """
                    CREATE TABLE comparisons (
                        id          INTEGER PRIMARY KEY AUTOINCREMENT,
                        single_run  INTEGER NOT NULL REFERENCES runs (id),
                        pool_run    INTEGER NOT NULL REFERENCES runs (id),
                        created_at  INTEGER NOT NULL,
                        result_json TEXT    NOT NULL
                    )""",
                    "CREATE INDEX comparisons_single ON comparisons (single_run)",
                    "CREATE INDEX comparisons_pool ON comparisons (pool_run)")),
            new Migration(4, "models of a run with their classes, so results open without the dataset", List.of(
                    """
                    CREATE TABLE run_models (
                        run_id        INTEGER NOT NULL REFERENCES runs (id),
                        position      INTEGER NOT NULL,
                        model         TEXT    NOT NULL,
                        classes_json  TEXT    NOT NULL,
                        majority_rate REAL,
                        PRIMARY KEY (run_id, position)
                    )""")),
            new Migration(5, "a heartbeat per session, so that a run's open session is a lease", List.of(
                    "ALTER TABLE sessions ADD COLUMN heartbeat_at INTEGER")),
            // JSON {trainLoss: [...], validationLoss: [...], bestEpoch}; NULL for a trial without
            // metrics and for every trial stored before curves were kept, which reads as no curve.
            new Migration(6, "a learning curve per trial: the loss of every epoch and the epoch kept", List.of(
                    "ALTER TABLE trials ADD COLUMN curve_json TEXT")),
            // `trials` keeps meaning the networks trained: what the per-trial timings, the
            // calibration and readers from outside (the PyTorch yardstick) take it to be.
            new Migration(7, "the baselines' trials in a table of their own, beside the networks'", List.of(
                    """
                    CREATE TABLE baseline_trials (
                        run_id         INTEGER NOT NULL REFERENCES runs (id),
                        trial_key      TEXT    NOT NULL,
                        model          TEXT    NOT NULL,
                        grid_point     INTEGER NOT NULL,
                        fold           INTEGER NOT NULL,
                        params_json    TEXT    NOT NULL,
                        status         TEXT    NOT NULL,
                        accuracy       REAL,
                        macro_f1       REAL,
                        confusion_json TEXT,
                        train_seconds  REAL,
                        epochs         INTEGER,
                        train_samples  INTEGER,
                        test_samples   INTEGER,
                        error          TEXT,
                        worker         TEXT,
                        wall_seconds   REAL,
                        session_id     INTEGER REFERENCES sessions (id),
                        completions    INTEGER NOT NULL DEFAULT 1,
                        finished_at    INTEGER NOT NULL,
                        curve_json     TEXT,
                        PRIMARY KEY (run_id, trial_key)
                    )""",
                    """
                    INSERT INTO baseline_trials (run_id, trial_key, model, grid_point, fold, params_json, status, accuracy,
                        macro_f1, confusion_json, train_seconds, epochs, train_samples, test_samples, error, worker,
                        wall_seconds, session_id, completions, finished_at, curve_json)
                    SELECT run_id, trial_key, model, grid_point, fold, params_json, status, accuracy,
                        macro_f1, confusion_json, train_seconds, epochs, train_samples, test_samples, error, worker,
                        wall_seconds, session_id, completions, finished_at, curve_json
                      FROM trials WHERE grid_point < 0""",
                    "DELETE FROM trials WHERE grid_point < 0")),
            // What the researcher writes about a run, apart from what the run wrote: a run's own
            // rows never change after it ends, these change whenever the user edits them.
            new Migration(8, "a display name, tags and a note per run", List.of(
                    """
                    CREATE TABLE run_notes (
                        run_id     INTEGER PRIMARY KEY REFERENCES runs (id),
                        name       TEXT,
                        tags_json  TEXT    NOT NULL,
                        note       TEXT    NOT NULL,
                        updated_at INTEGER NOT NULL
                    )""")));

    static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {}

    /**
     * Brings the database up to {@code target}. Each step re-reads the version inside its own
     * {@code BEGIN IMMEDIATE} transaction, so two processes opening the same new file at once
     * apply every migration exactly once: the second waits for the first and then finds nothing
     * left to do.
     */
    static void apply(Connection connection, Path file, int target) throws SQLException, StoreException {
        int found = version(connection, file);
        if (found > LATEST) {
            throw new StoreException(file + ": written by a newer Kinefold (schema " + found + ", this one knows " + LATEST + ")");
        }
        try (Statement statement = connection.createStatement()) {
            for (Migration migration : ALL) {
                if (migration.version() > target) {
                    break;
                }
                statement.execute("BEGIN IMMEDIATE");
                try {
                    if (version(connection, file) < migration.version()) {
                        for (String sql : migration.statements()) {
                            statement.execute(sql);
                        }
                        try (var insert = connection.prepareStatement(
                                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                            insert.setInt(1, migration.version());
                            insert.setString(2, migration.description());
                            insert.setLong(3, System.currentTimeMillis());
                            insert.executeUpdate();
                        }
                    }
                    statement.execute("COMMIT");
                } catch (SQLException | StoreException | RuntimeException e) {
                    Database.rollbackQuietly(connection, e);
                    throw e;
                }
            }
        }
    }

    /** The schema version, 0 for an empty file. */
    static int version(Connection connection, Path file) throws SQLException, StoreException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (!tables.contains("schema_version")) {
            if (!tables.isEmpty()) {
                // Creating our tables next to someone else's would quietly damage their file.
                throw new StoreException(file + ": not a Kinefold database (it has tables "
                        + String.join(", ", tables) + " but no schema_version)");
            }
            return 0;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}

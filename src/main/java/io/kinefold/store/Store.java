package io.kinefold.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kinefold.data.ModelId;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.Metrics;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.ModelFacts;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The Kinefold database: experiments, runs, their sessions, trial results and resource samples in
 * one SQLite file.
 *
 * <p><b>Threads.</b> A store holds one connection and every method runs under one private lock,
 * so the executor's callback thread and the monitor's sampler may call it at the same time. One
 * connection rather than a pool because SQLite admits one writer at a time anyway, and a write
 * here takes milliseconds against trials that take seconds.
 *
 * <p><b>Processes.</b> The file is in WAL mode with a 5 s busy timeout, so the GUI can read while
 * a run on the command line writes. Multi-statement writes begin with {@code BEGIN IMMEDIATE}:
 * a deferred transaction that later needs the write lock can fail at once with SQLITE_BUSY,
 * which the busy timeout does not cover.
 *
 * <p><b>Failures.</b> {@link #open} throws a checked {@link StoreException} for a file that
 * cannot be used; after that, a failing SQL operation throws the unchecked {@link StoreFailure},
 * and an id that names no run throws {@link IllegalArgumentException}.
 */
public final class Store implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MILLIS = 5000;
    // Compact JSON in columns: the shared mapper indents, which only bloats rows.
    private static final ObjectWriter JSON = SpecIo.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<LinkedHashMap<String, Double>> PARAMS = new TypeReference<>() {};

    private static final String RUN_INFO = """
            SELECT r.id, r.experiment_id, e.name, r.mode, r.workers, r.status, r.dataset,
                   r.started_at, r.finished_at, r.trials_total,
                   (SELECT COALESCE(SUM(s.wall_seconds), 0) FROM sessions s
                     WHERE s.run_id = r.id AND s.ended_at IS NOT NULL) AS wall_seconds,
                   (SELECT COUNT(*) FROM trials t WHERE t.run_id = r.id) AS trials_done
              FROM runs r JOIN experiments e ON e.id = r.experiment_id
            """;

    private final Path file;
    private final Object lock = new Object();
    private final Connection connection;
    private boolean closed;
    private volatile String host;

    private Store(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** {@code ~/.kinefold/kinefold.db}, where {@code ~} is the {@code user.home} property. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".kinefold", "kinefold.db");
    }

    /**
     * Opens the database at {@code file}, creating it and its folders if needed, and migrates it
     * to the latest schema.
     *
     * @throws StoreException if the folder cannot be created, the file is not an SQLite database
     *     or not a Kinefold one, or a newer Kinefold wrote it
     */
    public static Store open(Path file) throws StoreException {
        return open(file, Migrations.LATEST);
    }

    /** Opens and migrates only up to {@code targetVersion}; lets tests make an old database. */
    static Store open(Path file, int targetVersion) throws StoreException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new StoreException(absolute + ": is a folder, not a database file");
        }
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new StoreException(absolute + ": cannot create its folder: " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL, not WAL's usual NORMAL: a commit must survive a power cut too, not only kill -9.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + absolute);
        } catch (SQLException e) {
            throw cannotOpen(absolute, e);
        }
        try {
            Migrations.apply(connection, absolute, targetVersion);
            return new Store(absolute, connection);
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw cannotOpen(absolute, e);
        } catch (StoreException | RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static StoreException cannotOpen(Path file, SQLException e) {
        if (e instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
            return new StoreException(file + ": not an SQLite database", e);
        }
        return new StoreException(file + ": cannot be opened: " + e.getMessage(), e);
    }

    /** The database file, absolute and normalised, for messages. */
    public Path file() {
        return file;
    }

    /** The schema version of the file, {@link Migrations#LATEST} once {@link #open} returned. */
    public int schemaVersion() {
        return query("read the schema version", c -> {
            try {
                return Migrations.version(c, file);
            } catch (StoreException e) {
                throw new SQLException(e.getMessage(), e);
            }
        });
    }

    /** Stores a spec under its name and returns the new experiment's id. */
    public long createExperiment(ExperimentSpec spec) {
        String json = SpecIo.toJson(spec);
        return query("create experiment " + spec.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO experiments (name, spec_json, created_at) VALUES (?, ?, ?)")) {
                ps.setString(1, spec.name());
                ps.setString(2, json);
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
                return lastId(c);
            }
        });
    }

    /**
     * Starts a run of an experiment, with status {@link Status#RUNNING}, and returns its id.
     *
     * @param mode {@code single}, {@code pool}, {@code compare-single} or {@code compare-pool}
     * @param dataset the dataset folder as the run resolved it
     * @param trialsTotal trials in the spec, for progress
     */
    public long createRun(long experimentId, String mode, int workers, String dataset, Provenance provenance,
                          int trialsTotal) {
        String provenanceJson = provenance == null ? null : json(provenance);
        return query("create a run of experiment " + experimentId, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO runs (experiment_id, mode, workers, dataset, provenance_json, status, trials_total, started_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, experimentId);
                ps.setString(2, mode);
                ps.setInt(3, workers);
                ps.setString(4, dataset);
                ps.setString(5, provenanceJson);
                ps.setString(6, Status.RUNNING.name());
                ps.setInt(7, trialsTotal);
                ps.setLong(8, System.currentTimeMillis());
                ps.executeUpdate();
                return lastId(c);
            }
        });
    }

    /**
     * Records that this process starts executing a run — its first execution or a resume — and
     * returns the session id to pass to {@link #recordTrial} and {@link #endSession}.
     */
    public long startSession(long runId) {
        String hostName = host();
        return query("start a session of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sessions (run_id, started_at, host, pid) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, runId);
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, hostName);
                ps.setLong(4, ProcessHandle.current().pid());
                ps.executeUpdate();
                return lastId(c);
            }
        });
    }

    /** Closes a session with the wall time it measured; only ended sessions count in a run's wall time. */
    public void endSession(long sessionId, double wallSeconds) {
        int updated = query("end session " + sessionId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sessions SET ended_at = ?, wall_seconds = ? WHERE id = ?")) {
                ps.setLong(1, System.currentTimeMillis());
                ps.setDouble(2, wallSeconds);
                ps.setLong(3, sessionId);
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalArgumentException(file + ": no session " + sessionId);
        }
    }

    /**
     * Stores a trial's result, replacing an earlier one of the same trial and counting how many
     * times it was recorded. Durable when it returns: the upsert is one statement, hence one
     * transaction, committed with {@code synchronous=FULL}.
     */
    public void recordTrial(long runId, long sessionId, TrialResult result) {
        Trial trial = result.trial();
        Metrics m = result.metrics();
        String paramsJson = json(trial.params());
        String confusionJson = m == null || m.confusion() == null ? null : json(m.confusion());
        query("record trial " + trial.key() + " of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO trials (run_id, trial_key, model, grid_point, fold, params_json, status,
                                        accuracy, macro_f1, confusion_json, train_seconds, epochs, train_samples,
                                        test_samples, error, worker, wall_seconds, session_id, completions, finished_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                    ON CONFLICT (run_id, trial_key) DO UPDATE SET
                        model = excluded.model, grid_point = excluded.grid_point, fold = excluded.fold,
                        params_json = excluded.params_json, status = excluded.status,
                        accuracy = excluded.accuracy, macro_f1 = excluded.macro_f1,
                        confusion_json = excluded.confusion_json, train_seconds = excluded.train_seconds,
                        epochs = excluded.epochs, train_samples = excluded.train_samples,
                        test_samples = excluded.test_samples, error = excluded.error, worker = excluded.worker,
                        wall_seconds = excluded.wall_seconds, session_id = excluded.session_id,
                        completions = trials.completions + 1, finished_at = excluded.finished_at""")) {
                ps.setLong(1, runId);
                ps.setString(2, trial.key());
                ps.setString(3, trial.model().toString());
                ps.setInt(4, trial.gridPoint());
                ps.setInt(5, trial.fold());
                ps.setString(6, paramsJson);
                ps.setString(7, result.status().name());
                if (m == null) {
                    for (int metricColumn = 8; metricColumn <= 14; metricColumn++) {
                        ps.setNull(metricColumn, Types.NULL);
                    }
                } else {
                    ps.setDouble(8, m.accuracy());
                    ps.setDouble(9, m.macroF1());
                    ps.setString(10, confusionJson);
                    ps.setDouble(11, m.trainSeconds());
                    ps.setInt(12, m.epochs());
                    ps.setInt(13, m.trainSamples());
                    ps.setInt(14, m.testSamples());
                }
                ps.setString(15, result.error());
                ps.setString(16, result.worker());
                ps.setDouble(17, result.wallSeconds());
                ps.setLong(18, sessionId);
                ps.setLong(19, System.currentTimeMillis());
                return ps.executeUpdate();
            }
        });
    }

    /** Keys of the run's trials that succeeded: the ones a resume skips. */
    /**
     * Per model, the mean accuracy of its best grid point over the folds that succeeded, worked out
     * in the database: a list of runs needs these few numbers, not every trial with its matrix.
     */
    public Map<ModelId, Double> bestMeanAccuracies(long runId) {
        return query("read the best accuracies of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT model, MAX(mean) FROM (
                        SELECT model, grid_point, AVG(accuracy) AS mean FROM trials
                        WHERE run_id = ? AND status = ? GROUP BY model, grid_point)
                    GROUP BY model ORDER BY model""")) {
                ps.setLong(1, runId);
                ps.setString(2, Status.SUCCEEDED.name());
                Map<ModelId, Double> best = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        best.put(ModelId.parse(rs.getString(1)), rs.getDouble(2));
                    }
                }
                return best;
            }
        });
    }

    public Set<String> succeededTrialKeys(long runId) {
        return query("read succeeded trials of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT trial_key FROM trials WHERE run_id = ? AND status = ? ORDER BY rowid")) {
                ps.setLong(1, runId);
                ps.setString(2, Status.SUCCEEDED.name());
                Set<String> keys = new LinkedHashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
                return keys;
            }
        });
    }

    /**
     * The run's results, in the order their trials were first recorded (a later upsert keeps a
     * trial's place). Metrics read back bit for bit as written, except that {@code -0.0} reads
     * as {@code 0.0}, which SQLite does not keep apart.
     */
    public List<TrialResult> trialResults(long runId) {
        return query("read trials of run " + runId, c -> {
            // rowid order is insertion order: an upsert updates the row in place, and rows of
            // a table without INTEGER PRIMARY KEY are renumbered only by VACUUM, which this
            // store never runs.
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT model, grid_point, fold, params_json, status, accuracy, macro_f1, confusion_json,
                           train_seconds, epochs, train_samples, test_samples, error, worker, wall_seconds
                      FROM trials WHERE run_id = ? ORDER BY rowid""")) {
                ps.setLong(1, runId);
                List<TrialResult> results = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        results.add(trialResult(rs));
                    }
                }
                return results;
            }
        });
    }

    private static TrialResult trialResult(ResultSet rs) throws SQLException {
        Trial trial = new Trial(ModelId.parse(rs.getString("model")), rs.getInt("grid_point"),
                read(rs.getString("params_json"), PARAMS), rs.getInt("fold"));
        Metrics metrics = null;
        rs.getInt("epochs");
        if (!rs.wasNull()) {
            String confusion = rs.getString("confusion_json");
            metrics = new Metrics(real(rs, "accuracy"), real(rs, "macro_f1"),
                    confusion == null ? null : read(confusion, new TypeReference<int[][]>() {}),
                    real(rs, "train_seconds"), rs.getInt("epochs"), rs.getInt("train_samples"), rs.getInt("test_samples"));
        }
        return new TrialResult(trial, Status.valueOf(rs.getString("status")), metrics, rs.getString("error"),
                rs.getString("worker"), real(rs, "wall_seconds"));
    }

    /** Trial key to the number of times a result of that trial was recorded. */
    public Map<String, Integer> completions(long runId) {
        return query("read completions of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT trial_key, completions FROM trials WHERE run_id = ? ORDER BY rowid")) {
                ps.setLong(1, runId);
                Map<String, Integer> counts = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getInt(2));
                    }
                }
                return counts;
            }
        });
    }

    /** Sets the run's status; a terminal one also sets its finished time, any other clears it. */
    public void setRunStatus(long runId, Status status) {
        updateRun(runId, "set the status of run " + runId + " to " + status,
                "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?", ps -> {
                    ps.setString(1, status.name());
                    if (status.isTerminal()) {
                        ps.setLong(2, System.currentTimeMillis());
                    } else {
                        ps.setNull(2, Types.INTEGER);
                    }
                    ps.setLong(3, runId);
                });
    }

    /** Stores the models of a new run with their classes and majority rates, in plan order. */
    public void recordRunModels(long runId, List<ModelFacts> models) {
        transaction("record the models of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO run_models (run_id, position, model, classes_json, majority_rate) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < models.size(); i++) {
                    ModelFacts m = models.get(i);
                    ps.setLong(1, runId);
                    ps.setInt(2, i);
                    ps.setString(3, m.model().toString());
                    ps.setString(4, json(m.classes()));
                    ps.setDouble(5, m.majorityRate());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The models stored with the run, in plan order; empty for a run stored before they were. */
    public List<ModelFacts> runModels(long runId) {
        return query("read the models of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT model, classes_json, majority_rate FROM run_models WHERE run_id = ? ORDER BY position")) {
                ps.setLong(1, runId);
                List<ModelFacts> models = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double majority = rs.getDouble(3);
                        models.add(new ModelFacts(ModelId.parse(rs.getString(1)),
                                read(rs.getString(2), new TypeReference<List<String>>() {}),
                                rs.wasNull() ? Double.NaN : majority));
                    }
                }
                return models;
            }
        });
    }

    /** Stores the result of a comparison between a single-process run and a pool run; returns its id. */
    public long recordComparison(long singleRun, long poolRun, String resultJson) {
        return transaction("record the comparison of runs " + singleRun + " and " + poolRun, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO comparisons (single_run, pool_run, created_at, result_json) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, singleRun);
                ps.setLong(2, poolRun);
                ps.setLong(3, System.currentTimeMillis());
                ps.setString(4, resultJson);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** The newest comparison a run took part in, as stored JSON. */
    public Optional<String> comparisonOf(long runId) {
        return query("read the comparison of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT result_json FROM comparisons WHERE single_run = ? OR pool_run = ? ORDER BY id DESC LIMIT 1")) {
                ps.setLong(1, runId);
                ps.setLong(2, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Sets the run's worker count, which a resume may change. */
    public void setRunWorkers(long runId, int workers) {
        updateRun(runId, "set the workers of run " + runId, "UPDATE runs SET workers = ? WHERE id = ?", ps -> {
            ps.setInt(1, workers);
            ps.setLong(2, runId);
        });
    }

    /**
     * The run, if there is one. Its wall time is the sum over its ended sessions; a session still
     * open, or one that died without ending, adds nothing.
     */
    public Optional<RunInfo> run(long runId) {
        return query("read run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(RUN_INFO + " WHERE r.id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(runInfo(rs)) : Optional.<RunInfo>empty();
                }
            }
        });
    }

    /** Every run, newest first. */
    public List<RunInfo> runs() {
        return query("list runs", c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rs = statement.executeQuery(RUN_INFO + " ORDER BY r.started_at DESC, r.id DESC")) {
                List<RunInfo> runs = new ArrayList<>();
                while (rs.next()) {
                    runs.add(runInfo(rs));
                }
                return runs;
            }
        });
    }

    private static RunInfo runInfo(ResultSet rs) throws SQLException {
        long finished = rs.getLong("finished_at");
        Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
        return new RunInfo(rs.getLong("id"), rs.getLong("experiment_id"), rs.getString("name"), rs.getString("mode"),
                rs.getInt("workers"), Status.valueOf(rs.getString("status")), rs.getString("dataset"),
                Instant.ofEpochMilli(rs.getLong("started_at")), finishedAt, rs.getDouble("wall_seconds"),
                rs.getInt("trials_total"), rs.getInt("trials_done"));
    }

    /**
     * The spec of the run's experiment.
     *
     * @throws StoreException if there is no such run or its stored spec no longer reads
     */
    public ExperimentSpec spec(long runId) throws StoreException {
        String json = query("read the spec of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT e.spec_json FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE r.id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (json == null) {
            throw new StoreException(file + ": no run " + runId);
        }
        try {
            return SpecIo.parse(json, file + ": spec of run " + runId);
        } catch (SpecException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Where the run's results came from; null if it was created without provenance. */
    public Provenance provenance(long runId) {
        return query("read the provenance of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT provenance_json FROM runs WHERE id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException(file + ": no run " + runId);
                    }
                    String json = rs.getString(1);
                    return json == null ? null : read(json, new TypeReference<Provenance>() {});
                }
            }
        });
    }

    /**
     * Deletes the run with its trials, sessions and samples, in one transaction; its experiment
     * stays, as other runs may share it. Deleting a run that does not exist does nothing.
     */
    public void deleteRun(long runId) {
        transaction("delete run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM comparisons WHERE single_run = ? OR pool_run = ?")) {
                ps.setLong(1, runId);
                ps.setLong(2, runId);
                ps.executeUpdate();
            }
            for (String table : List.of("resource_samples", "trials", "sessions", "run_models")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                    ps.setLong(1, runId);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM runs WHERE id = ?")) {
                ps.setLong(1, runId);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Inserts the rows in one transaction.
     *
     * @throws IllegalArgumentException if a row belongs to another run
     */
    public void recordSamples(long runId, List<ResourceSampleRow> rows) {
        for (ResourceSampleRow row : rows) {
            if (row.runId() != runId) {
                throw new IllegalArgumentException("a sample of run " + row.runId() + " among those of run " + runId);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        transaction("record " + rows.size() + " resource samples of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO resource_samples (run_id, epoch_millis, source, metric, value) VALUES (?, ?, ?, ?, ?)")) {
                for (ResourceSampleRow row : rows) {
                    ps.setLong(1, row.runId());
                    ps.setLong(2, row.epochMillis());
                    ps.setString(3, row.source());
                    ps.setString(4, row.metric());
                    ps.setDouble(5, row.value());
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    /** The run's samples in time order, ties in the order they were recorded. */
    /** The largest value of a metric over the run's samples (of any source), empty without one. */
    public OptionalDouble maxSample(long runId, String metric) {
        return query("read the largest " + metric + " of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MAX(value) FROM resource_samples WHERE run_id = ? AND metric = ?")) {
                ps.setLong(1, runId);
                ps.setString(2, metric);
                try (ResultSet rs = ps.executeQuery()) {
                    double max = rs.next() ? rs.getDouble(1) : 0;
                    return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(max);
                }
            }
        });
    }

    public List<ResourceSampleRow> samples(long runId) {
        return query("read resource samples of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT epoch_millis, source, metric, value FROM resource_samples
                     WHERE run_id = ? ORDER BY epoch_millis, rowid""")) {
                ps.setLong(1, runId);
                List<ResourceSampleRow> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new ResourceSampleRow(runId, rs.getLong(1), rs.getString(2), rs.getString(3),
                                real(rs, "value")));
                    }
                }
                return rows;
            }
        });
    }

    /** SQLite's own consistency check: {@code ok}, or what is broken. */
    String integrityCheck() {
        return query("check integrity", c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
                List<String> lines = new ArrayList<>();
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
                return String.join("\n", lines);
            }
        });
    }

    /** Closes the connection; calling it again does nothing. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StoreFailure(file + ": close: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "Store[" + file + "]";
    }

    // --- plumbing ---

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private <T> T query(String operation, Work<T> work) {
        synchronized (lock) {
            ensureOpen();
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw failure(operation, e);
            }
        }
    }

    private <T> T transaction(String operation, Work<T> work) {
        synchronized (lock) {
            ensureOpen();
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    T result = work.run(connection);
                    statement.execute("COMMIT");
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection, e);
                    throw e;
                }
            } catch (SQLException e) {
                throw failure(operation, e);
            }
        }
    }

    private void updateRun(long runId, String operation, String sql, Binder binder) {
        int updated = query(operation, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalArgumentException(file + ": no run " + runId);
        }
    }

    static void rollbackQuietly(Connection connection, Exception cause) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // Also when SQLite has already rolled back by itself, as it does after SQLITE_FULL.
            cause.addSuppressed(e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(file + ": the store is closed");
        }
    }

    private StoreFailure failure(String operation, SQLException e) {
        return new StoreFailure(file + ": " + operation + ": " + e.getMessage(), e);
    }

    private static long lastId(Connection c) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A REAL column; NULL is how SQLite stores NaN. */
    private static double real(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    private String host() {
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

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Stored JSON; one that does not read fails like a broken row, as a {@link StoreFailure}. */
    private static <T> T read(String json, TypeReference<T> type) throws SQLException {
        try {
            return SpecIo.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLDataException("stored JSON does not read as " + type.getType().getTypeName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}

package io.kinefold.store;

import io.kinefold.data.ModelId;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.ModelFacts;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.TrialResult;
import io.kinefold.monitor.ResourceSampleRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
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
 *
 * <p><b>Parts.</b> The SQL lives in one class per table family — {@link RunTables} (experiments,
 * runs, sessions, run models), {@link TrialTable}, {@link SampleTable}, {@link ComparisonTable} and {@link NoteTable}
 * — that share this store's {@link Database}, hence its connection and lock. Callers see only this
 * facade, so which family a table belongs to stays an internal matter; the contract of every
 * operation is documented here.
 */
public final class Store implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MILLIS = 5000;

    /**
     * How long a session may go without a heartbeat before another process may take its run over.
     * Far above {@code RunLease}'s beat of a few seconds, so that a busy machine does not lose a
     * live run's lease; a process that died on this host is noticed at once by its pid.
     */
    public static final Duration LEASE_STALE_AFTER = Duration.ofSeconds(60);

    private final Database db;
    private final RunTables runs;
    private final SessionTable sessions;
    private final TrialTable trials;
    private final SampleTable samples;
    private final ComparisonTable comparisons;
    private final NoteTable notes;

    private Store(Database db) {
        this.db = db;
        this.runs = new RunTables(db);
        this.sessions = new SessionTable(db);
        this.trials = new TrialTable(db);
        this.samples = new SampleTable(db);
        this.comparisons = new ComparisonTable(db);
        this.notes = new NoteTable(db);
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
            return new Store(new Database(absolute, connection));
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
        return db.file();
    }

    /** The schema version of the file, {@link Migrations#LATEST} once {@link #open} returned. */
    public int schemaVersion() {
        return db.query("read the schema version", c -> {
            try {
                return Migrations.version(c, db.file());
            } catch (StoreException e) {
                throw new SQLException(e.getMessage(), e);
            }
        });
    }

    /** Stores a spec under its name and returns the new experiment's id. */
    public long createExperiment(ExperimentSpec spec) {
        return runs.createExperiment(spec);
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
        return runs.createRun(experimentId, mode, workers, dataset, provenance, trialsTotal);
    }

    /**
     * Records that this process starts executing a run — its first execution or a resume — and
     * returns the session id to pass to {@link #recordTrial}, {@link #heartbeat} and
     * {@link #endSession}. The open session is the run's lease: stale sessions of other processes
     * (gone from this host, or silent past {@link #LEASE_STALE_AFTER}) are closed, a live one
     * refuses.
     *
     * @throws RunHeldException if another live process holds the run
     */
    public long startSession(long runId) {
        return sessions.startSession(runId);
    }

    /** Starts a session as if the given process did: for tests of a run held elsewhere. */
    long startSessionAs(long runId, String host, long pid) {
        return sessions.startSession(runId, host, pid);
    }

    /** Says that the session's process is alive, which keeps its lease on the run. */
    public void heartbeat(long sessionId) {
        sessions.heartbeat(sessionId);
    }

    /** Closes a session with the wall time it measured; only ended sessions count in a run's wall time. */
    public void endSession(long sessionId, double wallSeconds) {
        sessions.endSession(sessionId, wallSeconds);
    }

    /** The live process other than this one that holds the run, if any: a resume must wait for it. */
    public Optional<RunHolder> liveHolder(long runId) {
        return sessions.liveHolder(runId);
    }

    /** This machine's host name as sessions record it. */
    public String host() {
        return sessions.host();
    }

    /**
     * Stores a trial's result, replacing an earlier one of the same trial and counting how many
     * times it was recorded. Durable when it returns: the upsert is one statement, hence one
     * transaction, committed with {@code synchronous=FULL}.
     */
    public void recordTrial(long runId, long sessionId, TrialResult result) {
        trials.recordTrial(runId, sessionId, result);
    }

    /**
     * Per model, the mean accuracy of its best grid point over the folds that succeeded, worked out
     * in the database: a list of runs needs these few numbers, not every trial with its matrix.
     */
    public Map<ModelId, Double> bestMeanAccuracies(long runId) {
        return trials.bestMeanAccuracies(runId, false);
    }

    /** Per model, the best mean accuracy over folds of its baselines; empty for a run stored before them. */
    public Map<ModelId, Double> bestBaselineAccuracies(long runId) {
        return trials.bestMeanAccuracies(runId, true);
    }

    /** Keys of the run's trials that succeeded: the ones a resume skips. */
    public Set<String> succeededTrialKeys(long runId) {
        return trials.succeededTrialKeys(runId);
    }

    /**
     * The run's results, in the order their trials were first recorded (a later upsert keeps a
     * trial's place). Metrics read back bit for bit as written, except that {@code -0.0} reads
     * as {@code 0.0}, which SQLite does not keep apart.
     */
    public List<TrialResult> trialResults(long runId) {
        return trials.trialResults(runId);
    }

    /**
     * When each of the run's trials ran (its last recorded attempt), networks and baselines, in
     * start order; trials stored without a finished time are left out.
     */
    public List<TrialTime> trialTimes(long runId) {
        return trials.trialTimes(runId);
    }

    /** Trial key to the number of times a result of that trial was recorded. */
    public Map<String, Integer> completions(long runId) {
        return trials.completions(runId);
    }

    /** Sets the run's status; a terminal one also sets its finished time, any other clears it. */
    public void setRunStatus(long runId, Status status) {
        runs.setRunStatus(runId, status);
    }

    /** Stores the models of a new run with their classes and majority rates, in plan order. */
    public void recordRunModels(long runId, List<ModelFacts> models) {
        runs.recordRunModels(runId, models);
    }

    /** The models stored with the run, in plan order; empty for a run stored before they were. */
    public List<ModelFacts> runModels(long runId) {
        return runs.runModels(runId);
    }

    /** Stores the result of a comparison between a single-process run and a pool run; returns its id. */
    public long recordComparison(long singleRun, long poolRun, String resultJson) {
        return comparisons.recordComparison(singleRun, poolRun, resultJson);
    }

    /** The newest comparison a run took part in, as stored JSON. */
    public Optional<String> comparisonOf(long runId) {
        return comparisons.comparisonOf(runId);
    }

    /**
     * Every run that took part in a comparison, with the run it was compared with (the single-process
     * run's partner is the pool run and the other way round); a run compared more than once has its newest.
     */
    public Map<Long, Long> comparisonPartners() {
        return comparisons.comparisonPartners();
    }

    /**
     * Stores what the user wrote about a run (display name, tags, note), replacing what was there,
     * and returns it with the time it was saved.
     *
     * @throws IllegalArgumentException if there is no such run
     */
    public RunNote saveNote(RunNote note) {
        return notes.saveNote(note);
    }

    /** What the user wrote about the run; {@link RunNote#none} when nothing was saved. */
    public RunNote note(long runId) {
        return notes.note(runId);
    }

    /** Every saved note by run id; runs without one are absent. */
    public Map<Long, RunNote> notes() {
        return notes.notes();
    }

    /** Sets the run's worker count, which a resume may change. */
    public void setRunWorkers(long runId, int workers) {
        runs.setRunWorkers(runId, workers);
    }

    /**
     * The run, if there is one. Its wall time is the sum over its ended sessions; a session still
     * open, or one that died without ending, adds nothing.
     */
    public Optional<RunInfo> run(long runId) {
        return runs.run(runId);
    }

    /** Every run, newest first. */
    public List<RunInfo> runs() {
        return runs.runs();
    }

    /**
     * The spec of the run's experiment.
     *
     * @throws StoreException if there is no such run or its stored spec no longer reads
     */
    public ExperimentSpec spec(long runId) throws StoreException {
        return runs.spec(runId);
    }

    /** Where the run's results came from; null if it was created without provenance. */
    public Provenance provenance(long runId) {
        return runs.provenance(runId);
    }

    /**
     * Deletes the run with its trials, sessions, samples and note, in one transaction; its experiment
     * stays, as other runs may share it. Deleting a run that does not exist does nothing.
     */
    public void deleteRun(long runId) {
        runs.deleteRun(runId);
    }

    /**
     * Inserts the rows in one transaction.
     *
     * @throws IllegalArgumentException if a row belongs to another run
     */
    public void recordSamples(long runId, List<ResourceSampleRow> rows) {
        samples.recordSamples(runId, rows);
    }

    /** The largest value of a metric over the run's samples (of any source), empty without one. */
    public OptionalDouble maxSample(long runId, String metric) {
        return samples.maxSample(runId, metric);
    }

    /** The run's samples in time order, ties in the order they were recorded. */
    public List<ResourceSampleRow> samples(long runId) {
        return samples.samples(runId);
    }

    /** SQLite's own consistency check: {@code ok}, or what is broken. */
    String integrityCheck() {
        return db.integrityCheck();
    }

    /** Closes the connection; calling it again does nothing. */
    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "Store[" + db.file() + "]";
    }
}

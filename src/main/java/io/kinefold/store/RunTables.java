package io.kinefold.store;

import static io.kinefold.store.Database.json;
import static io.kinefold.store.Database.lastId;
import static io.kinefold.store.Database.read;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kinefold.data.ModelId;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.ModelFacts;
import io.kinefold.experiment.Provenance;
import io.kinefold.experiment.RunInfo;
import io.kinefold.experiment.SpecException;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Status;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tables that describe a run rather than its results: {@code experiments}, {@code runs} and
 * its {@code run_models} ({@link SessionTable} keeps the sessions a run was executed in). Together
 * because a run's summary ({@link RunInfo}) reads across them, and because they change only at a run's start,
 * resume and end, never per trial. Deleting a run lives here too, though it also clears the rows
 * of the other table families: it is one transaction keyed on the run. {@link Store} documents
 * each operation.
 */
final class RunTables {
    private static final String RUN_INFO = """
            SELECT r.id, r.experiment_id, e.name, r.mode, r.workers, r.status, r.dataset,
                   r.started_at, r.finished_at, r.trials_total,
                   (SELECT COALESCE(SUM(s.wall_seconds), 0) FROM sessions s
                     WHERE s.run_id = r.id AND s.ended_at IS NOT NULL) AS wall_seconds,
                   (SELECT COUNT(*) FROM trials t WHERE t.run_id = r.id)
                   + (SELECT COUNT(*) FROM baseline_trials b WHERE b.run_id = r.id) AS trials_done
              FROM runs r JOIN experiments e ON e.id = r.experiment_id
            """;

    private final Database db;

    RunTables(Database db) {
        this.db = db;
    }

    long createExperiment(ExperimentSpec spec) {
        String json = SpecIo.toJson(spec);
        return db.query("create experiment " + spec.name(), c -> {
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

    long createRun(long experimentId, String mode, int workers, String dataset, Provenance provenance,
                          int trialsTotal) {
        String provenanceJson = provenance == null ? null : json(provenance);
        return db.query("create a run of experiment " + experimentId, c -> {
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

    void setRunStatus(long runId, Status status) {
        update(runId, "set the status of run " + runId + " to " + status,
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

    void recordRunModels(long runId, List<ModelFacts> models) {
        db.transaction("record the models of run " + runId, c -> {
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

    List<ModelFacts> runModels(long runId) {
        return db.query("read the models of run " + runId, c -> {
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

    void setRunWorkers(long runId, int workers) {
        update(runId, "set the workers of run " + runId, "UPDATE runs SET workers = ? WHERE id = ?", ps -> {
            ps.setInt(1, workers);
            ps.setLong(2, runId);
        });
    }

    Optional<RunInfo> run(long runId) {
        return db.query("read run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(RUN_INFO + " WHERE r.id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(runInfo(rs)) : Optional.<RunInfo>empty();
                }
            }
        });
    }

    List<RunInfo> runs() {
        return db.query("list runs", c -> {
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

    ExperimentSpec spec(long runId) throws StoreException {
        String json = db.query("read the spec of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT e.spec_json FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE r.id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (json == null) {
            throw new StoreException(db.file() + ": no run " + runId);
        }
        try {
            return SpecIo.parse(json, db.file() + ": spec of run " + runId);
        } catch (SpecException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    Provenance provenance(long runId) {
        return db.query("read the provenance of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT provenance_json FROM runs WHERE id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException(db.file() + ": no run " + runId);
                    }
                    String json = rs.getString(1);
                    return json == null ? null : read(json, new TypeReference<Provenance>() {});
                }
            }
        });
    }

    void deleteRun(long runId) {
        db.transaction("delete run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM comparisons WHERE single_run = ? OR pool_run = ?")) {
                ps.setLong(1, runId);
                ps.setLong(2, runId);
                ps.executeUpdate();
            }
            for (String table : List.of("resource_samples", "trials", "baseline_trials", "sessions", "run_models",
                    "run_notes")) {
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

    private void update(long runId, String operation, String sql, Binder binder) {
        int updated = db.query(operation, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalArgumentException(db.file() + ": no run " + runId);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }
}

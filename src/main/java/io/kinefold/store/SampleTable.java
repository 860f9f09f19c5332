package io.kinefold.store;

import static io.kinefold.store.Database.real;

import io.kinefold.monitor.ResourceSampleRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The {@code resource_samples} table: what the monitor's sampler measured during a run. Apart
 * because it is written from another thread than the trials, in batches, and read only for
 * charts and peaks. {@link Store} documents each operation.
 */
final class SampleTable {
    private final Database db;

    SampleTable(Database db) {
        this.db = db;
    }

    void recordSamples(long runId, List<ResourceSampleRow> rows) {
        for (ResourceSampleRow row : rows) {
            if (row.runId() != runId) {
                throw new IllegalArgumentException("a sample of run " + row.runId() + " among those of run " + runId);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        db.transaction("record " + rows.size() + " resource samples of run " + runId, c -> {
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

    OptionalDouble maxSample(long runId, String metric) {
        return db.query("read the largest " + metric + " of run " + runId, c -> {
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

    List<ResourceSampleRow> samples(long runId) {
        return db.query("read resource samples of run " + runId, c -> {
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
}

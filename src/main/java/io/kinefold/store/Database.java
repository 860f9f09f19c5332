package io.kinefold.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kinefold.experiment.SpecIo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The one connection of a {@link Store} with the lock every operation runs under, and the
 * helpers its table classes share. Apart from them so that each table family ({@link RunTables},
 * {@link TrialTable}, {@link SampleTable}, {@link ComparisonTable}) holds only its own SQL, while
 * all of them still go through the same lock, the same transaction discipline ({@code BEGIN
 * IMMEDIATE}, see {@link Store}) and the same way of turning an {@link SQLException} into a
 * {@link StoreFailure} that names the file and the operation.
 */
final class Database {
    // Compact JSON in columns: the shared mapper indents, which only bloats rows.
    private static final ObjectWriter JSON = SpecIo.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Object lock = new Object();
    private final Connection connection;
    private boolean closed;

    Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** The database file, absolute and normalised, for messages. */
    Path file() {
        return file;
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
    void close() {
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

    /** What {@link #query} or {@link #transaction} runs on the connection, under the lock. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T query(String operation, Work<T> work) {
        synchronized (lock) {
            ensureOpen();
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw failure(operation, e);
            }
        }
    }

    <T> T transaction(String operation, Work<T> work) {
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

    static long lastId(Connection c) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A REAL column; NULL is how SQLite stores NaN. */
    static double real(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Stored JSON; one that does not read fails like a broken row, as a {@link StoreFailure}. */
    static <T> T read(String json, TypeReference<T> type) throws SQLException {
        try {
            return SpecIo.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLDataException("stored JSON does not read as " + type.getType().getTypeName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}

package org.threelists.platform.projection.jdbc;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The read models' statements over the service's datasource, plain JDBC: inside a transaction the connection is the
 * transaction's (Agroal enlists it, so a statement sees what the transaction wrote and commits with it), outside one
 * it is a pooled autocommit connection. The read models use no ORM: Hibernate's classes were a quarter of the classes
 * the matchmaker loaded and some 30 MiB of its memory (bench/README.md, "The matchmaker without an ORM"), for tables
 * read by key and by a few filters.
 *
 * <p>Parameters are bound by their Java type: an {@link Instant} as a {@code timestamptz}, a {@code String[]} or a
 * collection as a {@code varchar[]} (for {@code = any(?)}), an enum by its name.
 */
public final class Jdbc {

    /** The datasource of the running application; a test that restarts the application gets a new one. */
    private static volatile Lookup current;

    private record Lookup(Object container, AgroalDataSource dataSource) {
    }

    private Jdbc() {
    }

    /** Reads one row of a result set into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    public static <T> List<T> list(String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(reader.read(rows));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new JdbcException(sql, e);
        }
    }

    /** The first row's value, or null when there is none. */
    public static <T> T first(String sql, RowReader<T> reader, Object... parameters) {
        List<T> found = list(sql, reader, parameters);
        return found.isEmpty() ? null : found.get(0);
    }

    public static long count(String sql, Object... parameters) {
        Long found = first(sql, row -> row.getLong(1), parameters);
        return found == null ? 0 : found;
    }

    /** Runs an insert, update or delete; answers the rows it changed. */
    public static int update(String sql, Object... parameters) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcException(sql, e);
        }
    }

    /**
     * A null of a column's SQL type. The driver keeps a statement prepared on the server only while each parameter's
     * type stays what it was prepared with, and an untyped null differs from every type: a row's nulls bound untyped
     * had the server parse and plan its upsert again whenever another column was null (bench/README.md, "The
     * matchmaker without an ORM").
     */
    public record Null(int sqlType) {
    }

    static void bind(Connection connection, PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof Null typed) {
                statement.setNull(i + 1, typed.sqlType());
            } else {
                statement.setObject(i + 1, value(connection, parameters[i]));
            }
        }
    }

    private static Object value(Connection connection, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            // a Timestamp is bound untyped, as a null timestamp is: one prepared statement serves both
            return Timestamp.from(instant);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof String[] strings) {
            return connection.createArrayOf("varchar", strings);
        }
        if (value instanceof Collection<?> values) {
            return connection.createArrayOf("varchar", values.stream().map(Jdbc::text).toArray(String[]::new));
        }
        return value;
    }

    private static String text(Object value) {
        return value instanceof Enum<?> constant ? constant.name() : value.toString();
    }

    private static AgroalDataSource dataSource() {
        Object container = Arc.container();
        Lookup found = current;
        if (found == null || found.container() != container) {
            found = new Lookup(container, Arc.container().instance(AgroalDataSource.class).get());
            current = found;
        }
        return found.dataSource();
    }

    /** A statement failed; its SQL state stays on the cause, which the inbox's failure kinds read. */
    public static final class JdbcException extends RuntimeException {
        JdbcException(String sql, SQLException cause) {
            super(cause.getMessage() + " [" + sql + "]", cause);
        }
    }
}

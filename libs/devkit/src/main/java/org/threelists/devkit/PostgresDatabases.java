package org.threelists.devkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creating databases on any PostgreSQL server, embedded or not, given a base JDBC URL such as jdbc:postgresql://host:5432/. */
public final class PostgresDatabases {

    /** Names go into a CREATE DATABASE statement unquoted-safe, so only plain lower-case identifiers are allowed. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private PostgresDatabases() {
    }

    /** The URL of one database: the name goes after the last slash, before any query string. */
    public static String jdbcUrl(String baseUrl, String database) {
        int query = baseUrl.indexOf('?');
        String location = query < 0 ? baseUrl : baseUrl.substring(0, query);
        String parameters = query < 0 ? "" : baseUrl.substring(query);
        if (!location.endsWith("/")) {
            location = location + "/";
        }
        return location + database + parameters;
    }

    public static void createIfMissing(String baseUrl, String user, String password, String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(baseUrl, "postgres"), user, password)) {
            if (exists(connection, database)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                // another process may have created it between our check and our CREATE
                if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " at " + baseUrl + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}

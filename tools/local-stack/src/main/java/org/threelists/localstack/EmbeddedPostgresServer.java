package org.threelists.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL 17 server run from the zonky binaries on the class path, no installation or Docker needed.
 *
 * <p>Connect as user {@value #USER} with password {@value #PASSWORD}. The server trusts local connections
 * (zonky runs initdb with {@code -A trust}), so the password is not checked; it is fixed so that configuration
 * written for a real server works unchanged.
 *
 * <p>zonky runs the server with fsync off and asynchronous commits by default, which is right for throw-away test
 * databases but can corrupt a data directory kept across runs; this class turns both back on.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean persistent;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean persistent) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.persistent = persistent;
    }

    /**
     * Starts a server.
     *
     * @param dataDirOrNull where the data lives and stays across runs; null for a temporary directory deleted on close
     * @param portOrZero    the port to listen on; 0 for a free one
     */
    public static EmbeddedPostgresServer start(Path dataDirOrNull, int portOrZero) {
        return start(dataDirOrNull, portOrZero, null);
    }

    /** As {@link #start(Path, int)}, with the server's own output appended to {@code logFileOrNull} instead of the logger. */
    public static EmbeddedPostgresServer start(Path dataDirOrNull, int portOrZero, Path logFileOrNull) {
        boolean persistent = dataDirOrNull != null;
        try {
            Path dataDirectory = persistent
                    ? Files.createDirectories(dataDirOrNull.toAbsolutePath())
                    : Files.createTempDirectory("threelists-postgres-");
            if (persistent) {
                stopOrphanedServer(dataDirectory);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!persistent)
                    .setPort(portOrZero)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("timezone", "UTC")
                    // only this machine may connect: the server trusts every connection
                    .setServerConfig("listen_addresses", "localhost");
            if (logFileOrNull != null) {
                Files.createDirectories(logFileOrNull.toAbsolutePath().getParent());
                ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFileOrNull.toFile());
                builder.setOutputRedirector(log).setErrorRedirector(log);
            }
            return new EmbeddedPostgresServer(builder.start(), dataDirectory, persistent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its PostgreSQL running (pg_ctl detaches it), holding the port and the
     * data directory, so the next start would fail. Such a server is recognised by its postmaster.pid and by its
     * command line naming this data directory, and asked to shut down (SIGTERM: a smart shutdown; its clients are
     * gone with the launcher).
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException unreadable) {
            return; // not a pid file we understand; let PostgreSQL itself decide whether it is stale
        }
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine()
                        .map(line -> line.contains("postgres") && line.contains(dataDirectory.toString()))
                        .orElse(false))
                .ifPresent(orphan -> {
                    System.err.println("stopping a PostgreSQL left running on " + dataDirectory + " (pid " + pid + ")");
                    orphan.destroy();
                    try {
                        orphan.onExit().get(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        throw new IllegalStateException("PostgreSQL (pid " + pid + ") on " + dataDirectory
                                + " did not stop; stop it and start again", e);
                    }
                });
    }

    public int port() {
        return postgres.getPort();
    }

    /** The JDBC URL of the server without a database, e.g. jdbc:postgresql://localhost:5433/ */
    public String baseJdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/";
    }

    public String jdbcUrl(String database) {
        return PostgresDatabases.jdbcUrl(baseJdbcUrl(), database);
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public void createDatabaseIfMissing(String name) {
        PostgresDatabases.createIfMissing(baseJdbcUrl(), USER, PASSWORD, name);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public boolean persistent() {
        return persistent;
    }

    /** Stops the server (fast shutdown: open transactions roll back); deletes the data only if it was temporary. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL server", e);
        }
    }
}

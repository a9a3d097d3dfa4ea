package org.threelists.devkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
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

    /** The lock file zonky holds in the data directory while its server runs (EmbeddedPostgres.LOCK_FILE_NAME). */
    private static final String ZONKY_LOCK = "epg-lock";

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
            if (portOrZero != 0) {
                Processes.requirePortFree(portOrZero, "PostgreSQL");
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
            try {
                return new EmbeddedPostgresServer(builder.start(), dataDirectory, persistent);
            } catch (IOException | RuntimeException e) {
                // zonky only says which command failed; the reason is in the server's output
                String reason = logFileOrNull == null ? "" : "; last lines of " + logFileOrNull + ":\n" + Processes.tail(logFileOrNull, 20);
                throw new IllegalStateException("cannot start the embedded PostgreSQL server: " + e.getMessage() + reason, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded PostgreSQL server", e);
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its PostgreSQL running (pg_ctl detaches it), holding the port and the
     * data directory, so the next start would fail. zonky keeps a file lock on {@value #ZONKY_LOCK} in the data
     * directory while its JVM lives: if we can take that lock, the server's owner is gone and the server, if its
     * postmaster.pid names a live postgres process for this directory, is an orphan. It is asked to shut down
     * (SIGTERM, a smart shutdown: its clients died with the launcher). If the lock is held, another launcher is
     * using the directory and must not be disturbed.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(ZONKY_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(dataDirectory + " is in use by another process (is the local stack already running?)");
            }
            orphanedPostmaster(dataDirectory).ifPresent(orphan -> {
                System.err.println("stopping a PostgreSQL left running on " + dataDirectory + " (pid " + orphan.pid() + ")");
                orphan.destroy();
                try {
                    orphan.onExit().get(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("PostgreSQL (pid " + orphan.pid() + ") on " + dataDirectory
                            + " did not stop; stop it and start again", e);
                }
            });
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException(dataDirectory + " is already in use by a server of this JVM", e);
        }
    }

    private static Optional<ProcessHandle> orphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // not a pid file we understand; PostgreSQL itself decides whether it is stale
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine()
                        .map(line -> line.contains("postgres") && line.contains(dataDirectory.toString()))
                        .orElse(false));
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

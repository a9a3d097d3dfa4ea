package org.threelists.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Services left running by a launcher that was killed with SIGKILL (an IDE's stop button, a test runner's timeout)
 * keep their fixed ports, so the next start would fail. A launcher with a persistent data directory holds a lock
 * on it for its whole life and records each service's pid; the next launcher, once it holds the lock, knows that
 * any recorded process still alive is a leftover and stops it.
 */
final class LeftoverProcesses implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Path pidDir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private LeftoverProcesses(Path pidDir, FileChannel lockChannel, FileLock lock) {
        this.pidDir = pidDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Takes the data directory's launcher lock; fails if another launcher holds it. */
    static LeftoverProcesses lock(Path dataDir) {
        try {
            Path pidDir = Files.createDirectories(dataDir.resolve("pids"));
            FileChannel channel = FileChannel.open(dataDir.resolve("launcher.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another local stack is already running on " + dataDir);
            }
            return new LeftoverProcesses(pidDir, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dataDir, e);
        }
    }

    /** Stops the process recorded under {@code name} if it is alive and its command line contains {@code marker}. */
    void stopLeftover(String name, String marker) {
        Path pidFile = pidFile(name);
        leftover(pidFile, marker).ifPresent(process -> {
            System.err.println("  stopping " + name + " left running by an earlier launcher (pid " + process.pid() + ")");
            process.destroy();
            try {
                process.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot stop the leftover " + name, e);
            }
        });
        forget(name);
    }

    void record(String name, long pid) {
        try {
            Files.writeString(pidFile(name), pid + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the pid of " + name, e);
        }
    }

    void forget(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            System.err.println("cannot delete " + pidFile(name) + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            System.err.println("cannot release the launcher lock: " + e.getMessage());
        }
    }

    private Path pidFile(String name) {
        return pidDir.resolve(name + ".pid");
    }

    private static Optional<ProcessHandle> leftover(Path pidFile, String marker) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
        // the pid may have been reused by an unrelated process since: only a matching command line counts
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false));
    }
}

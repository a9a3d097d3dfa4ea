package org.threelists.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A service's application class-data archive (AppCDS, the JDK's dynamic archive): the classes a start loads, already
 * parsed and verified, mapped from one file instead of read from ~200 jars and defined one by one (bench/README.md,
 * "Start-up: the class-data archive"). The first start after a build records it ({@code -XX:ArchiveClassesAtExit},
 * written when that process ends in order); later starts map it ({@code -XX:SharedArchiveFile}).
 * <p>
 * An archive older than any file of its {@code quarkus-app} folder is not used: the JVM would refuse it anyway
 * (it checks the runner jar), and the next start records a new one. Each recording goes to a file of its own and is
 * moved into place only after its process ended without being killed, so that replicas started together never
 * write the same file and no start maps a half-written one.
 */
final class ClassDataArchive {

    /** {@code off} starts every service without an archive, e.g. to measure what it saves; default {@code on}. */
    static final String PROPERTY = "threelists.service.class-data-archive";
    static final String FILE_NAME = "threelists-app-cds.jsa";

    private final Path archive;
    private final Path recording;

    private ClassDataArchive(Path archive, Path recording) {
        this.archive = archive;
        this.recording = recording;
    }

    /** Whether the launcher uses archives in this JVM: the property, on unless {@code off}. */
    static boolean enabled() {
        return !"off".equalsIgnoreCase(System.getProperty(PROPERTY, "on").trim());
    }

    /**
     * What to do for a start of the runner jar {@code runJar}: map its archive, record one, or nothing. A start that
     * makes a flight recording never records an archive: the JDK disables the flight recorder in a JVM that dumps
     * classes at exit, so the first start after a build would leave no recording (bench/README.md, "The e2e warm-up").
     */
    static ClassDataArchive forRunJar(Path runJar, boolean flightRecording) {
        Path folder = runJar.toAbsolutePath().getParent();
        Path archive = folder.resolve(FILE_NAME);
        if (!enabled() || isCurrent(archive, folder)) {
            return new ClassDataArchive(archive, null);
        }
        if (flightRecording) {
            return new ClassDataArchive(null, null);
        }
        return new ClassDataArchive(archive, folder.resolve(FILE_NAME + "." + UUID.randomUUID() + ".recording"));
    }

    /** Whether this start records the archive (at its end). */
    boolean recording() {
        return recording != null;
    }

    /** The JVM options for this start. */
    List<String> jvmOptions() {
        if (recording != null) {
            // the recording JVM warns of every class it leaves out (thousands loaded but never linked): not news
            return List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds*=off");
        }
        return archive != null && enabled() && Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    /** After the process ended: a recording it wrote becomes the archive unless the process was killed. */
    void processEnded(boolean killed) {
        if (recording == null || !Files.exists(recording)) {
            return;
        }
        try {
            if (killed || Files.size(recording) == 0) {
                Files.deleteIfExists(recording);
            } else {
                Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the class-data archive " + recording, e);
        }
    }

    /** The archive exists and is newer than every other file of the folder (the jars a build writes). */
    private static boolean isCurrent(Path archive, Path folder) {
        if (!Files.isRegularFile(archive)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            FileTime recorded = Files.getLastModifiedTime(archive);
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith(FILE_NAME))
                    .allMatch(file -> lastModified(file).compareTo(recorded) < 0);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

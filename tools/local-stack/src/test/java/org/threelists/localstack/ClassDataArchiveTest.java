package org.threelists.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path folder;

    @Test
    void theFirstStartAfterABuildRecordsTheArchiveUnlessItMakesAFlightRecording() throws IOException {
        Path runJar = Files.writeString(folder.resolve("quarkus-run.jar"), "built");

        ClassDataArchive plain = ClassDataArchive.forRunJar(runJar, false);
        assertTrue(plain.recording());
        assertTrue(plain.jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit=" + folder.resolve(ClassDataArchive.FILE_NAME)));

        assertNeitherRecordsNorMaps(ClassDataArchive.forRunJar(runJar, true));
    }

    @Test
    void aStaleArchiveIsNeitherMappedNorReRecordedByAFlightRecordingStart() throws IOException {
        Path runJar = Files.writeString(folder.resolve("quarkus-run.jar"), "rebuilt");
        Path archive = Files.writeString(folder.resolve(ClassDataArchive.FILE_NAME), "older");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));

        assertNeitherRecordsNorMaps(ClassDataArchive.forRunJar(runJar, true));
    }

    @Test
    void aCurrentArchiveIsMappedWithOrWithoutAFlightRecording() throws IOException {
        Path runJar = Files.writeString(folder.resolve("quarkus-run.jar"), "built");
        Files.setLastModifiedTime(runJar, FileTime.from(Instant.now().minusSeconds(60)));
        Path archive = Files.writeString(folder.resolve(ClassDataArchive.FILE_NAME), "recorded");

        for (boolean flightRecording : new boolean[] {false, true}) {
            ClassDataArchive current = ClassDataArchive.forRunJar(runJar, flightRecording);
            assertFalse(current.recording());
            assertEquals(List.of("-XX:SharedArchiveFile=" + archive), current.jvmOptions());
        }
    }

    private static void assertNeitherRecordsNorMaps(ClassDataArchive start) {
        assertFalse(start.recording());
        assertEquals(List.of(), start.jvmOptions());
    }
}

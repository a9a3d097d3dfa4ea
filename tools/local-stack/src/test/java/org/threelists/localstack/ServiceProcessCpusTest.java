package org.threelists.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceProcessCpusTest {

    @AfterEach
    void clear() {
        System.clearProperty(ServiceProcess.CPUS_PROPERTY);
    }

    @Test
    void aServiceStartedOnOneCpuSeesOneCpu() throws Exception {
        System.setProperty(ServiceProcess.CPUS_PROPERTY, "0");

        assertEquals("1", run(ServiceProcess.onCpus(List.of("nproc"))));
    }

    @Test
    void withoutThePropertyTheCommandIsLeftAsItIs() {
        assertEquals(List.of("nproc"), ServiceProcess.onCpus(List.of("nproc")));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.waitFor());
        return out;
    }
}

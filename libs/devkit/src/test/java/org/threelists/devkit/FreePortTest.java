package org.threelists.devkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortTest {

    @Test
    void portsComeFromBelowTheEphemeralRangeAreNeverHandedOutTwiceAndCanBeBound() throws IOException {
        int ephemeralLow = Integer.parseInt(
                Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = Processes.freePort();
            assertThat(port).isBetween(10_000, ephemeralLow - 1);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = Processes.freePort();
        try (ServerSocket socket = new ServerSocket(port)) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aPortSomeoneListensOnIsNotHandedOut() throws IOException {
        int port = Processes.freePort();
        try (ServerSocket taken = new ServerSocket(port)) {
            assertThat(Processes.isPortFree(port)).isFalse();
            for (int i = 0; i < 100; i++) {
                assertThat(Processes.freePort()).isNotEqualTo(port);
            }
        }
    }
}

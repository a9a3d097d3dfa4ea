package org.threelists.bench;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The baseline for a service's start-up and memory: a bare JVM with the same heap limit that answers 200 on
 * /q/health/ready from the JDK's own HTTP server, nothing else. Started by {@link Bench} as its own process.
 */
public final class JvmFloor {

    private JvmFloor() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 64);
        server.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        // stops when the benchmark closes our stdin (or dies)
        while (System.in.read() >= 0) {
            // ignore input
        }
        System.exit(0);
    }
}

package org.threelists.console.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;

import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the console: end-to-end ones do (Authorization, Content-Type, Accept, Location…), the
 * hop-by-hop ones of RFC 9110 §7.6.1 and Host do not; each hop sets its own.
 */
final class Headers {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private Headers() {
    }

    static void copyEndToEnd(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    static final String FORWARDED_FOR = "X-Forwarded-For";

    /**
     * Appends the address the console saw the request come from to {@code X-Forwarded-For}, after whatever the
     * request brought (one list, however many header lines it came in): the service trusts only the right-most
     * entries its configured proxies appended, never the visitor's own.
     */
    static void appendForwardedFor(MultiMap headers, SocketAddress client) {
        if (client == null || client.hostAddress() == null) {
            return;
        }
        String before = String.join(", ", headers.getAll(FORWARDED_FOR));
        headers.set(FORWARDED_FOR, before.isBlank() ? client.hostAddress() : before + ", " + client.hostAddress());
    }
}

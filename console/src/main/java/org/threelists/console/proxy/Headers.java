package org.threelists.console.proxy;

import io.vertx.core.MultiMap;

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
}

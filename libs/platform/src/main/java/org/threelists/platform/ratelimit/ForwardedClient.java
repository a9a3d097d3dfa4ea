package org.threelists.platform.ratelimit;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who the client is, when a request may have come through a reverse proxy (the console's {@code /api/…}): the TCP
 * peer, unless the peer is one of the configured proxies — then the address that proxy appended to
 * {@code X-Forwarded-For}. Walking the header from the right and skipping the trusted proxies is what a reverse proxy
 * chain promises: each hop appends the address it saw, so only the entries the trusted hops appended are true; what
 * the visitor wrote themselves, further left, is never believed (libs/platform/README.md, "Public rate limit").
 */
final class ForwardedClient {

    private final Set<String> trustedProxies;

    ForwardedClient(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(a -> !a.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@code peer}: the connection's remote address; {@code forwardedFor}: the header's value, or null. */
    String of(String peer, String forwardedFor) {
        if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            client = hops[i].strip();
            if (!trustedProxies.contains(client)) {
                break;
            }
        }
        return client.isEmpty() ? peer : client;
    }
}

package org.threelists.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The console's settings: where the four services are, and whether the local run's demo sign-in is on. */
@ConfigMapping(prefix = "threelists.console")
public interface ConsoleConfig {

    Upstream upstream();

    DevSignIn devSignIn();

    /** The base URL of each service; the browser reaches a service as {@code /api/<service>/…} on the console. */
    interface Upstream {
        URI demandList();

        URI resourceList();

        URI matchmaker();

        URI ledger();

        default Map<String, URI> byService() {
            Map<String, URI> services = new LinkedHashMap<>();
            services.put("demand-list", demandList());
            services.put("resource-list", resourceList());
            services.put("matchmaker", matchmaker());
            services.put("ledger", ledger());
            return services;
        }
    }

    /**
     * Signing in as a demo identity with a token of the dev issuer, whose private key is public knowledge: only the
     * local run turns it on (tools/local-stack); a deployed console signs in through the identity provider.
     */
    interface DevSignIn {
        @WithDefault("false")
        boolean enabled();
    }
}

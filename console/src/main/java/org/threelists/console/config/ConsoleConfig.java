package org.threelists.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's settings: where the four services are, whether the local run's demo sign-in is on, and the identity
 * provider a deployment signs in with.
 */
@ConfigMapping(prefix = "threelists.console")
public interface ConsoleConfig {

    Upstream upstream();

    DevSignIn devSignIn();

    Oidc oidc();

    WarmUp warmUp();

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

    /**
     * The OpenID Connect provider (Keycloak, the province's identity platform) the browser signs in with, by the
     * authorisation-code flow with PKCE as a public client (console/README.md "Sign-in"). Without an issuer the console
     * offers no such sign-in. The services must trust the same issuer (MP_JWT_VERIFY_ISSUER) and its keys.
     */
    interface Oidc {
        /** The issuer identifier; its discovery document lies at {@code <issuer>/.well-known/openid-configuration}. */
        Optional<URI> issuer();

        /** The console's client at the provider: public (no secret), redirect URI the console's own address. */
        @WithDefault("threelists-console")
        String clientId();

        /** The scopes asked for; the provider maps them to the claims the services read (groups, street, …). */
        @WithDefault("openid profile")
        String scopes();
    }

    /** The first page's requests asked once at start (FirstPageWarmUp), so that its first visitor does not wait. */
    interface WarmUp {
        @WithDefault("true")
        boolean enabled();

        /** The street whose demo identities the sign-in page shows first (web/src/auth/devSignIn.js). */
        @WithDefault("dianqian")
        String street();
    }
}

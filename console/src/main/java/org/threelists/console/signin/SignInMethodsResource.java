package org.threelists.console.signin;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.threelists.console.config.ConsoleConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * How one signs in to this console, for the front end to pick its strategy (web/src/auth): {@code oidc} when an
 * identity provider is configured, with what the browser needs to start the code flow; {@code dev} in the local run.
 */
@Path("/console/sign-in-methods")
@Produces(MediaType.APPLICATION_JSON)
public class SignInMethodsResource {

    private final boolean devSignIn;
    private final OidcClient oidc;

    SignInMethodsResource(ConsoleConfig config) {
        this.devSignIn = config.devSignIn().enabled();
        this.oidc = config.oidc().issuer()
                .map(issuer -> new OidcClient(issuer.toString(), config.oidc().clientId(), config.oidc().scopes()))
                .orElse(null);
    }

    /** The provider and the console's public client there; no secret: the browser cannot keep one. */
    public record OidcClient(String issuer, String clientId, String scopes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Methods(List<String> methods, OidcClient oidc) {
    }

    @GET
    public Methods methods() {
        List<String> methods = new ArrayList<>();
        if (oidc != null) {
            methods.add("oidc");
        }
        if (devSignIn) {
            methods.add("dev");
        }
        return new Methods(methods, oidc);
    }
}

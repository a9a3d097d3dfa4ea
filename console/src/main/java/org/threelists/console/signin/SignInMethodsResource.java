package org.threelists.console.signin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.threelists.console.config.ConsoleConfig;

import java.util.List;

/**
 * How one signs in to this console, for the front end to pick its strategy (web/src/auth): {@code dev} in the local
 * run; a deployment will name its identity provider here once the OpenID Connect code flow is built.
 */
@Path("/console/sign-in-methods")
@Produces(MediaType.APPLICATION_JSON)
public class SignInMethodsResource {

    private final boolean devSignIn;

    SignInMethodsResource(ConsoleConfig config) {
        this.devSignIn = config.devSignIn().enabled();
    }

    public record Methods(List<String> methods) {
    }

    @GET
    public Methods methods() {
        return new Methods(devSignIn ? List.of("dev") : List.of());
    }
}

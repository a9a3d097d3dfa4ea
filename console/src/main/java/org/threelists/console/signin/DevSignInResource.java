package org.threelists.console.signin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.threelists.console.config.ConsoleConfig;
import org.threelists.console.proxy.Problems;
import org.threelists.devkit.DevTokens;

import java.util.List;
import java.util.Map;

/**
 * Sign-in as a demo identity (local run only): lists a street's identities and mints the chosen one's token with the
 * dev issuer every local service trusts. Refused with 403 unless {@code threelists.console.dev-sign-in.enabled}.
 */
@Path("/console/dev-sign-in")
@Produces(MediaType.APPLICATION_JSON)
public class DevSignInResource {

    static final String DEFAULT_STREET = "dianqian";
    static final String OFFICE = "office";

    private final boolean enabled;
    private final DevIdentities identities;

    DevSignInResource(ConsoleConfig config, DevIdentities identities) {
        this.enabled = config.devSignIn().enabled();
        this.identities = identities;
    }

    public record SignInRequest(String identity) {
    }

    public record SignedIn(String token, DevIdentity identity) {
    }

    @GET
    @Path("/identities")
    public Response identities(@QueryParam("street") String street, @QueryParam("scope") String scope) {
        if (!enabled) {
            return refused();
        }
        String chosen = street == null || street.isBlank() ? DEFAULT_STREET : street;
        // scope=office: only those that need no answer from resource-list, for the page to show at once
        List<DevIdentity> found = OFFICE.equals(scope) ? identities.officeOf(chosen) : identities.of(chosen);
        return Response.ok(Map.of("items", found)).build();
    }

    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(SignInRequest request) {
        if (!enabled) {
            return refused();
        }
        return identities.find(request == null ? null : request.identity())
                .map(identity -> Response.ok(new SignedIn(tokenOf(identity), identity)).build())
                .orElseGet(() -> problem(404, "not-found", "没有这个身份",
                        "本地演示身份中没有 " + (request == null ? "（空）" : request.identity())));
    }

    private static String tokenOf(DevIdentity identity) {
        return switch (identity.role()) {
            case DevTokens.ROLE_DESK -> DevTokens.desk(identity.subject(), identity.street());
            case DevTokens.ROLE_AUDITOR -> DevTokens.auditor(identity.subject(), identity.street());
            // whole-system maintenance: the token carries no street (README "Roles")
            case DevTokens.ROLE_OPERATOR -> DevTokens.operator(identity.subject());
            case DevTokens.ROLE_COMMUNITY -> DevTokens.community(identity.subject(), identity.street(), identity.community());
            case DevTokens.ROLE_UNIT -> DevTokens.unit(identity.subject(), identity.unit(), identity.street());
            // demand-list knows a member by the token's subject: it must be the member id itself
            case DevTokens.ROLE_MEMBER -> DevTokens.member(identity.member(), identity.street(), identity.community());
            default -> throw new IllegalStateException("no demo identity has the role " + identity.role());
        };
    }

    private static Response refused() {
        return problem(403, "forbidden", "本地登录未开启",
                "演示身份登录只在本地运行时开启（threelists.console.dev-sign-in.enabled）；请通过统一身份认证登录");
    }

    private static Response problem(int status, String type, String title, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Problems.of(status, type, title, detail).getMap()).build();
    }
}

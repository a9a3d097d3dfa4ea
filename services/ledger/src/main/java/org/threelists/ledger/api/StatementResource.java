package org.threelists.ledger.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.ledger.projection.HourStatements;
import org.threelists.ledger.projection.LedgerReports;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.security.Roles;

import java.time.LocalDate;
import java.time.ZoneId;

/** Hour statements (志愿服务时长证明): issued and revoked by the desk, verified by anyone by number. */
@Path("/ledger/statements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Statements", description = "志愿服务时长证明 — hour statements")
public class StatementResource {

    private final HourStatements statements;
    private final LedgerAccess access;
    private final ZoneId zone;
    private final String issuer;

    StatementResource(HourStatements statements, LedgerAccess access,
            @ConfigProperty(name = "threelists.ledger.time-zone") ZoneId zone,
            @ConfigProperty(name = "threelists.ledger.issuer") String issuer) {
        this.statements = statements;
        this.access = access;
        this.zone = zone;
        this.issuer = issuer;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Issue a statement of a volunteer's hours in the desk's street over a period")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LedgerDtos.StatementResponse.class)))
    public Response issue(@Valid @NotNull LedgerDtos.IssueStatement request, UriInfo uri) {
        LedgerAccess.checkPeriod(request.from(), request.to());
        String street = access.street();
        var statement = statements.issue(street, request.volunteerId().toLowerCase(), request.from(), request.to(),
                LedgerReports.streetName(street) + issuer, access.actor(), LocalDate.now(zone));
        return Response.created(uri.getAbsolutePathBuilder().path(statement.number()).build())
                .entity(LedgerDtos.StatementResponse.of(statement)).build();
    }

    @GET
    @Path("/{number}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.DESK, Roles.AUDITOR})
    @Operation(summary = "Read a statement of the street")
    public LedgerDtos.StatementResponse get(@PathParam("number") String number) {
        var statement = load(number);
        access.requireReadable(statement.streetCode(), null, "Statement " + number);
        return LedgerDtos.StatementResponse.of(statement);
    }

    @POST
    @Path("/{number}/revocation")
    @Transactional
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Revoke a statement, giving a reason")
    public LedgerDtos.StatementResponse revoke(@PathParam("number") String number, @Valid @NotNull LedgerDtos.Revoke request) {
        var statement = load(number);
        access.requireDesk(statement.streetCode(), "revoke its statements");
        statements.revoke(number, request.reason().strip(), access.actor());
        return LedgerDtos.StatementResponse.of(load(number));
    }

    @GET
    @Path("/{number}/verification")
    @PermitAll
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Verify a statement by its number (public, no token)", description = "VALID or REVOKED, with "
            + "the hash to compare with the printed one; ALTERED if the stored record no longer gives its hash")
    public LedgerDtos.StatementVerification verify(@PathParam("number") String number) {
        var s = load(number);
        boolean matches = s.computeHash().equals(s.hash());
        String status = !matches ? "ALTERED" : s.revocation() == null ? "VALID" : "REVOKED";
        return new LedgerDtos.StatementVerification(s.number(), status, s.hash(), matches, s.maskedName(), s.hours(),
                s.periodFrom(), s.periodTo(), s.issuer(), s.issuedOn(),
                s.revocation() == null ? null : s.revocation().reason(),
                s.revocation() == null ? null : s.revocation().revokedAt());
    }

    private HourStatements.Statement load(String number) {
        return statements.find(number).orElseThrow(() -> ProblemException.notFound("Statement", number));
    }
}

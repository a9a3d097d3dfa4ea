package org.threelists.ledger.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.ledger.domain.HourStatement;
import org.threelists.ledger.projection.statements.StatementStore;
import org.threelists.ledger.service.HourStatements;
import org.threelists.platform.problem.Problem;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.security.Roles;
import org.threelists.platform.ratelimit.ClientRateLimiter;

import java.time.Instant;

/** Hour statements (志愿服务时长证明): issued and revoked by the desk, verified by anyone by number. */
@Path("/ledger/statements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Statements", description = "志愿服务时长证明 — hour statements")
public class StatementResource {

    private final HourStatements statements;
    private final LedgerAccess access;
    private final ClientRateLimiter limiter;
    private final RequestValidation validation;

    StatementResource(HourStatements statements, LedgerAccess access, ClientRateLimiter limiter,
            RequestValidation validation) {
        this.statements = statements;
        this.access = access;
        this.limiter = limiter;
        this.validation = validation;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Issue a statement of a volunteer's hours in the desk's street over a period")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LedgerDtos.StatementResponse.class)))
    public Response issue(LedgerDtos.IssueStatement request, UriInfo uri) {
        String street = access.street();
        validation.require(request);
        LedgerAccess.checkPeriod(request.from(), request.to());
        var statement = statements.issue(street, request.volunteerId().toLowerCase(), request.from(), request.to(),
                access.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(statement.number()).build())
                .entity(LedgerDtos.StatementResponse.of(statement)).build();
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.DESK, Roles.AUDITOR})
    @Operation(summary = "List the statements of the street", description = "The newest first; status VALID, OUTDATED "
            + "(hours it certifies were corrected since: to be issued anew) or REVOKED, unit and volunteer narrow the list")
    public LedgerDtos.StatementPage list(@QueryParam("status") String status, @QueryParam("unit") String unit,
            @QueryParam("volunteer") String volunteer, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        String street = access.street();
        RequestParameters.checkPage(page, size);
        HourStatement.Status standing = status == null || status.isBlank() ? null : switch (status.strip().toUpperCase()) {
            case "VALID" -> HourStatement.Status.VALID;
            case "OUTDATED" -> HourStatement.Status.OUTDATED;
            case "REVOKED" -> HourStatement.Status.REVOKED;
            default -> throw ProblemException.invalid("status", "must be VALID, OUTDATED or REVOKED");
        };
        var result = statements.list(new StatementStore.StatementFilter(street, standing, blankless(unit),
                blankless(volunteer) == null ? null : volunteer.strip().toLowerCase()), page, size);
        return new LedgerDtos.StatementPage(result.items().stream().map(LedgerDtos.StatementResponse::of).toList(), page,
                size, result.total());
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GET
    @Path("/{number}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.DESK, Roles.AUDITOR})
    @Operation(summary = "Read a statement of the street")
    public LedgerDtos.StatementResponse get(@PathParam("number") String number) {
        var statement = statements.statement(number);
        access.requireReadable(statement.streetCode(), null, "Statement " + number);
        return LedgerDtos.StatementResponse.of(statement);
    }

    @POST
    @Path("/{number}/revocation")
    @Transactional
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Revoke a statement, giving a reason")
    public LedgerDtos.StatementResponse revoke(@PathParam("number") String number, LedgerDtos.Revoke request) {
        var statement = statements.statement(number);
        access.requireDesk(statement.streetCode(), "revoke its statements");
        validation.require(request);
        return LedgerDtos.StatementResponse.of(statements.revoke(number, request.reason().strip(), access.actor()));
    }

    @GET
    @Path("/{number}/verification")
    @PermitAll
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Verify a statement by its number and the code printed on it (public, no token)",
            description = "VALID, OUTDATED (hours it certifies were corrected after it was issued: ask the issuer for a "
                    + "new statement) or REVOKED, with the hash to compare with the printed one; ALTERED if the stored "
                    + "record no longer gives its hash. A wrong code is answered like an unknown number (404). Limited "
                    + "per client address: 429 with Retry-After when asked too often.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LedgerDtos.StatementVerification.class)))
    @APIResponse(responseCode = "404", description = "No statement has this number and code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public LedgerDtos.StatementVerification verify(@PathParam("number") String number,
            @Parameter(description = "The verification code printed beside the number", required = true)
            @QueryParam("code") String code, @Context HttpServerRequest request, @Context HttpHeaders headers) {
        limiter.acquire(request);
        HourStatement s = statements.verify(number, code);
        HourStatement.Status status = s.status();
        Instant outdatedAt = status == HourStatement.Status.OUTDATED ? s.outdating().outdatedAt() : null;
        return new LedgerDtos.StatementVerification(s.number(), status.name(), s.hash(), status != HourStatement.Status.ALTERED, s.maskedName(), s.hours(),
                s.periodFrom(), s.periodTo(), s.issuer(), s.issuedOn(),
                s.revocation() == null ? null : s.revocation().reason(),
                s.revocation() == null ? null : s.revocation().revokedAt(), outdatedAt,
                StatementNotices.of(s, status, headers.getAcceptableLanguages()));
    }
}

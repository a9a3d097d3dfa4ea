package org.threelists.ledger.api;

import jakarta.annotation.security.RolesAllowed;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.projection.entries.Entries;
import org.threelists.ledger.projection.entries.StoredEntry;
import org.threelists.ledger.projection.verification.ChainVerification;
import org.threelists.ledger.service.EntryCorrections;
import org.threelists.ledger.service.LedgerRebuild;
import org.threelists.ledger.service.RebuildRuns;
import org.threelists.ledger.service.VerificationRuns;
import org.threelists.platform.domain.NotFoundException;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.security.Roles;

import static org.threelists.platform.problem.RequestParameters.enumValue;

/** The entries (台账条目), their corrections, the verification of the hash chains, and the rebuild from the topic. */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger", description = "台账 — entries, corrections, verification, rebuild")
public class LedgerResource {

    private final Entries entries;
    private final EntryCorrections corrections;
    private final ChainVerification verification;
    private final RebuildRuns rebuild;
    private final LedgerAccess access;
    private final RequestValidation validation;
    private final VerificationRuns verificationRuns;

    LedgerResource(Entries entries, EntryCorrections corrections, ChainVerification verification, RebuildRuns rebuild,
            LedgerAccess access, RequestValidation validation, VerificationRuns verificationRuns) {
        this.verificationRuns = verificationRuns;
        this.entries = entries;
        this.corrections = corrections;
        this.verification = verification;
        this.rebuild = rebuild;
        this.access = access;
        this.validation = validation;
    }

    @GET
    @Path("/entries")
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.DESK, Roles.AUDITOR, Roles.UNIT})
    @Operation(summary = "List entries", description = "The desk and auditors those of their street; a unit only its own. "
            + "A project's entries by project, a closed slip's (三联单) by slip")
    public LedgerDtos.EntryPage list(@QueryParam("unit") String unit, @QueryParam("volunteer") String volunteer,
            @QueryParam("project") String project, @QueryParam("slip") String slip, @QueryParam("kind") String kind,
            @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        var scope = access.scope();
        RequestParameters.checkPage(page, size);
        if (scope.unit() != null && unit != null && !unit.equals(scope.unit())) {
            throw ProblemException.forbidden("A unit reads only its own entries");
        }
        var filter = new Entries.EntryFilter(scope.street(), scope.unit() != null ? scope.unit() : unit, volunteer,
                project, slip, enumValue(LedgerEntry.Kind.class, "kind", kind), LedgerAccess.date("from", from, null),
                LedgerAccess.date("to", to, null));
        var result = entries.list(filter, page, size);
        return new LedgerDtos.EntryPage(result.items().stream().map(LedgerDtos.EntryResponse::of).toList(), page, size,
                result.total());
    }

    @GET
    @Path("/entries/{entryId}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.DESK, Roles.AUDITOR, Roles.UNIT})
    @Operation(summary = "Read an entry, with its corrections")
    public LedgerDtos.EntryResponse get(@PathParam("entryId") String entryId) {
        var stored = corrections.entry(entryId);
        access.requireReadable(stored.entry().streetCode(), stored.entry().unitId(), "Entry " + entryId);
        return LedgerDtos.EntryResponse.of(stored);
    }

    @POST
    @Path("/entries/{entryId}/corrections")
    @Transactional
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Correct a volunteer's hours", description = "A new record pointing at the entry, with who and "
            + "why; the entry itself never changes. Only HOURS entries are corrected.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LedgerDtos.CorrectionResponse.class)))
    public Response correct(@PathParam("entryId") String entryId, LedgerDtos.Correct request, UriInfo uri) {
        StoredEntry stored = corrections.entry(entryId);
        access.requireDesk(stored.entry().streetCode(), "correct its entries");
        validation.require(request);
        var correction = corrections.correct(stored, request.hours(), request.reason().strip(), access.actor());
        return Response.created(uri.getBaseUriBuilder().path("ledger/entries").path(entryId).build())
                .entity(LedgerDtos.CorrectionResponse.of(correction)).build();
    }

    @GET
    @Path("/verification")
    // In a transaction so that the walk streams the rows (a cursor) instead of loading a million entries at once.
    @Transactional
    @TransactionConfiguration(timeout = 900)
    @RolesAllowed({Roles.DESK, Roles.AUDITOR, Roles.OPERATOR})
    @Operation(summary = "Verify the hash chains", description = "The desk and auditors verify their street: each of its "
            + "entries' and corrections' hash, and the link to the record before it; the operator walks the whole ledger "
            + "(street is then absent). head is the SHA-256 over the partition chains' last hashes in partition order.")
    public ChainVerification.Result verify() {
        if (access.isOperator()) {
            return verification.verify();
        }
        return verification.verifyStreet(access.street());
    }

    @POST
    @Path("/verification/runs")
    @RolesAllowed({Roles.DESK, Roles.AUDITOR, Roles.OPERATOR})
    @Operation(summary = "Start a verification of the hash chains in the background", description = "The same walk as "
            + "GET /ledger/verification (the caller's street; the operator: the whole ledger), run in the background: "
            + "answers 202 at once with the run and its Location, where GET tells the entries checked of the total "
            + "and, when DONE, the result. For a ledger of millions of entries, which no HTTP timeout should cut. One "
            + "walk waits per scope (the street, or the whole ledger): asked while one waits, it answers that one.")
    @APIResponse(responseCode = "202", description = "Started, or the walk of the same scope that waits already",
            content = @Content(schema = @Schema(implementation = VerificationRuns.Run.class)))
    public Response startVerification(UriInfo uri) {
        VerificationRuns.Run run = verificationRuns.start(access.isOperator() ? null : access.street(),
                access.actor());
        return Response.accepted(run).location(uri.getAbsolutePathBuilder().path(run.id()).build()).build();
    }

    @GET
    @Path("/verification/runs/{runId}")
    @RolesAllowed({Roles.DESK, Roles.AUDITOR, Roles.OPERATOR})
    @Operation(summary = "How far a verification run is", description = "state QUEUED, RUNNING, DONE or FAILED; checked "
            + "and total entries; the result (as GET /ledger/verification answers it) when DONE, the failure when "
            + "FAILED (a run whose replica stopped is FAILED). Any replica answers. Another street's run is answered "
            + "as an unknown one (404).")
    public VerificationRuns.Run verificationRun(@PathParam("runId") String runId) {
        return verificationRuns.find(runId, access.isOperator() ? null : access.street())
                .orElseThrow(() -> new NotFoundException("Verification run", runId));
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Rebuild the entries from project-list.events.v1 and demand-list.events.v1, offset 0 (operator)",
            description = "Into a "
            + "new generation that becomes current when it has caught up; corrections, statements and summaries are "
            + "kept; the retired generation's entries are dropped. Answers the old and new heads and the speed in "
            + "events per second. It is a rebuild run too (GET /ledger/rebuild/runs): refused with 409 while another "
            + "one is queued or running.")
    public LedgerRebuild.Result rebuild() {
        return rebuild.runNow(access.actor());
    }
}

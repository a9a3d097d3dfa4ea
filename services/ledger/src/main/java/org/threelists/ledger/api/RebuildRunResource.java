package org.threelists.ledger.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.ledger.service.RebuildRuns;
import org.threelists.platform.domain.NotFoundException;
import org.threelists.platform.security.Roles;

import java.util.List;

/** The operator's rebuilds of the ledger as runs in the background (services/ledger/README.md, "Rebuild runs"). */
@Path("/ledger/rebuild/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger", description = "台账 — entries, corrections, verification, rebuild")
public class RebuildRunResource {

    private final RebuildRuns runs;
    private final LedgerAccess access;

    RebuildRunResource(RebuildRuns runs, LedgerAccess access) {
        this.runs = runs;
        this.access = access;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Start a rebuild of the ledger in the background (operator)", description = "The same rebuild "
            + "as POST /ledger/rebuild, run in the background: answers 202 at once with the run and its Location, where "
            + "GET tells the phase, the offsets read of those the topics held when it started, and, when DONE, the "
            + "result. One rebuild at a time: while one is queued or running (either way, on any replica) another is "
            + "refused with 409, naming it.")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation =
            RebuildRuns.Run.class)))
    public Response start(UriInfo uri) {
        RebuildRuns.Run run = runs.start(access.actor());
        return Response.accepted(run).location(uri.getAbsolutePathBuilder().path(run.id()).build()).build();
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "The recent rebuild runs, newest first (operator)", description = "The last 20, whichever "
            + "replica ran them, the synchronous rebuilds among them.")
    public List<RebuildRuns.Run> recent() {
        return runs.recent();
    }

    @GET
    @Path("/{runId}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "How far a rebuild run is (operator)", description = "state QUEUED, RUNNING, DONE or FAILED; "
            + "phase READING_TOPICS, FLIP, VERIFYING_CHAINS or DROPPING_OLD_GENERATION; eventsRead of eventsToRead "
            + "(offsets; the total grows with what arrives meanwhile); the result when DONE, the failure when FAILED "
            + "(a run whose replica stopped is FAILED). Any replica answers.")
    public RebuildRuns.Run run(@PathParam("runId") String runId) {
        return runs.find(runId).orElseThrow(() -> new NotFoundException("Rebuild run", runId));
    }
}

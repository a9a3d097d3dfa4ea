package org.threelists.ledger.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.ledger.projection.summaries.MunicipalSummaries;
import org.threelists.ledger.projection.summaries.SummaryCorrections;
import org.threelists.ledger.service.MunicipalSummarySubmission;
import org.threelists.platform.security.Roles;

import java.time.YearMonth;
import java.util.List;

/** The monthly summary of a street to the municipal platform (municipal.service-records.v1), sent once per month. */
@Path("/ledger/municipal-summaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Municipal summaries", description = "每月上报 — monthly summaries to the municipal platform")
public class MunicipalSummaryResource {

    private final MunicipalSummarySubmission submission;
    private final MunicipalSummaries summaries;
    private final SummaryCorrections corrections;
    private final LedgerAccess access;
    private final RequestValidation validation;

    MunicipalSummaryResource(MunicipalSummarySubmission submission, MunicipalSummaries summaries,
            SummaryCorrections corrections, LedgerAccess access, RequestValidation validation) {
        this.submission = submission;
        this.summaries = summaries;
        this.corrections = corrections;
        this.access = access;
        this.validation = validation;
    }

    @POST
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Send the street's summary of a month", description = "Once per street and month: a second "
            + "request is refused with 409 already-exists. While a rebuild of the ledger runs, 409 illegal-transition "
            + "(state REBUILDING): send it once the rebuild is done. The summary carries the ledger head it was "
            + "computed from.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = MunicipalSummaries.Sent.class)))
    public Response submit(LedgerDtos.SubmitSummary request, UriInfo uri) {
        String street = access.street();
        validation.require(request);
        var sent = submission.submit(street, YearMonth.parse(request.month()), access.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(sent.summaryId()).build()).entity(sent).build();
    }

    @GET
    @RolesAllowed({Roles.DESK, Roles.AUDITOR})
    @Operation(summary = "The summaries sent for the street")
    public List<MunicipalSummaries.Sent> list() {
        return summaries.list(access.street(), null);
    }

    @GET
    @Path("/corrections-needed")
    @RolesAllowed({Roles.DESK, Roles.AUDITOR})
    @Operation(summary = "What changed in months already sent", description = "Deliveries dated in a month whose summary "
            + "was sent, or confirmed by the community after it was sent: the sent summary is never changed, the desk "
            + "reports these to the municipal platform as a correction.")
    public List<SummaryCorrections.Needed> correctionsNeeded() {
        return corrections.list(access.street());
    }
}

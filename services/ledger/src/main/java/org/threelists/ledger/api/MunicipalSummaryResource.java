package org.threelists.ledger.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.ledger.domain.MonthlyFigures;
import org.threelists.ledger.domain.MonthlySummary;
import org.threelists.ledger.domain.MonthlySummaryCommands.SubmitMonthlySummary;
import org.threelists.ledger.projection.ChainVerification;
import org.threelists.ledger.projection.LedgerReports;
import org.threelists.ledger.projection.LedgerReports.GroupBy;
import org.threelists.ledger.projection.LedgerReports.Scope;
import org.threelists.ledger.projection.MunicipalSummaries;
import org.threelists.ledger.projection.SummaryCorrections;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.ProblemType;
import org.threelists.platform.security.Roles;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/** The monthly summary of a street to the municipal platform (municipal.service-records.v1), sent once per month. */
@Path("/ledger/municipal-summaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Municipal summaries", description = "每月上报 — monthly summaries to the municipal platform")
public class MunicipalSummaryResource {

    private final CommandGateway commands;
    private final LedgerReports reports;
    private final MunicipalSummaries summaries;
    private final ChainVerification verification;
    private final LedgerAccess access;
    private final RequestValidation validation;
    private final SummaryCorrections corrections;
    private final ZoneId zone;

    MunicipalSummaryResource(CommandGateway commands, LedgerReports reports, MunicipalSummaries summaries,
            ChainVerification verification, LedgerAccess access, RequestValidation validation,
            SummaryCorrections corrections, @ConfigProperty(name = "threelists.ledger.time-zone") ZoneId zone) {
        this.validation = validation;
        this.corrections = corrections;
        this.zone = zone;
        this.commands = commands;
        this.reports = reports;
        this.summaries = summaries;
        this.verification = verification;
        this.access = access;
    }

    @POST
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Send the street's summary of a month", description = "Once per street and month: a second "
            + "request is refused with 409 already-exists. The summary carries the ledger head it was computed from.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = MunicipalSummaries.Sent.class)))
    public Response submit(LedgerDtos.SubmitSummary request, UriInfo uri) {
        String street = access.street();
        validation.require(request);
        YearMonth month = YearMonth.parse(request.month());
        requireClosed(month);
        String id = MonthlySummary.idOf(street, request.month());
        if (summaries.exists(id)) {
            throw new ProblemException(ProblemType.ALREADY_EXISTS, "The summary of " + request.month() + " for street "
                    + street + " was sent already");
        }
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Scope scope = new Scope(street, null);
        var total = reports.totals(scope, from, to);
        MonthlyFigures figures = new MonthlyFigures(LedgerReports.streetName(street), total.hours(), total.activities(),
                total.volunteers(), total.residentsServed(), groups(scope, GroupBy.COMMUNITY, from, to),
                groups(scope, GroupBy.CATEGORY, from, to));
        try {
            commands.sendAndWait(new SubmitMonthlySummary(id, street, request.month(), figures,
                    verification.currentHead(), access.actor()));
        } catch (org.axonframework.modelling.command.ConcurrencyException e) {
            throw new ProblemException(ProblemType.ALREADY_EXISTS, "The summary of " + request.month() + " for street "
                    + street + " was sent already");
        }
        return Response.created(uri.getAbsolutePathBuilder().path(id).build()).entity(summaries.list(street, id).get(0))
                .build();
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

    /**
     * A month is summarised once, so only a closed one: the current month is still filling (409), a future one has
     * nothing yet (400). "Now" is the communities' time zone.
     */
    private void requireClosed(YearMonth month) {
        YearMonth current = YearMonth.now(zone);
        if (month.isAfter(current)) {
            throw ProblemException.invalid("month", "is in the future: only a month that has ended can be summarised");
        }
        if (month.equals(current)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "The month " + month + " has not ended yet: "
                    + "its summary can be sent from " + current.plusMonths(1).atDay(1),
                    java.util.Map.of("state", "OPEN", "action", "summarise"));
        }
    }

    private List<MonthlyFigures.Group> groups(Scope scope, GroupBy by, LocalDate from, LocalDate to) {
        return reports.report(scope, by, from, to, true).stream().map(r -> new MonthlyFigures.Group(r.key(), r.label(),
                r.hours(), r.activities(), r.volunteers(), r.residentsServed())).toList();
    }
}

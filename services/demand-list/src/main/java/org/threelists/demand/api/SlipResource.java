package org.threelists.demand.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.demand.domain.slip.EscalationLevel;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.demand.projection.DemandQueries;
import org.threelists.demand.projection.DemandView;
import org.threelists.demand.projection.SlipQueries;
import org.threelists.demand.projection.SlipView;
import org.threelists.demand.service.SlipCheckIns;
import org.threelists.demand.service.SlipWork;
import org.threelists.platform.problem.Problem;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

import java.util.Map;

import static org.threelists.platform.problem.RequestParameters.enumValue;

/**
 * The slips (三联单) of the second lane over REST (services/demand-list/README.md, "The slip"). One collection for
 * every slip, whoever acts: the leader dispatches into it (the demand is a field, as the slip is its own aggregate),
 * the member's phone page lists and answers from it. Each write authorises the caller for the slip or the demand
 * ({@link SlipAccess}) before it reads the body, then calls {@code service.SlipWork}; the response shows the stored
 * outcome.
 */
@Path("/slips")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Slips", description = "三联单 — the second lane's slips: dispatched, accepted, checked in and out, "
        + "reported, rated; declined or recalled")
public class SlipResource {

    private final SlipWork work;
    private final SlipCheckIns checkIns;
    private final SlipQueries slips;
    private final DemandQueries demands;
    private final SlipAccess access;
    private final Caller caller;
    private final ValidBodies bodies;

    SlipResource(SlipWork work, SlipCheckIns checkIns, SlipQueries slips, DemandQueries demands, SlipAccess access,
            Caller caller, ValidBodies bodies) {
        this.work = work;
        this.checkIns = checkIns;
        this.slips = slips;
        this.demands = demands;
        this.access = access;
        this.caller = caller;
        this.bodies = bodies;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Dispatch a slip for a demand the caller's Party group holds",
            description = "The group's leader, to a member of the group; one open slip per demand")
    @APIResponse(responseCode = "201", description = "Dispatched",
            content = @Content(schema = @Schema(implementation = SlipResponse.class)))
    public Response dispatch(@RequestBody(required = true, content = @Content(schema = @Schema(
            implementation = DispatchSlipRequest.class))) byte[] body, UriInfo uri) throws JsonProcessingException {
        JsonNode tree = bodies.tree(body);
        String demandId = tree == null || !tree.path("demandId").isTextual() ? null : tree.path("demandId").asText();
        // Who leads the holding group is known only from the demand: a caller who leads none learns nothing more.
        access.requireLeaderOf(demandId == null ? noDemand() : demands.find(demandId).orElseGet(SlipResource::noDemand));
        DispatchSlipRequest request = bodies.require(body, DispatchSlipRequest.class);
        String slipId = work.dispatch(request.demandId(), request.memberId(), request.problem(), caller.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(slipId).build())
                .entity(respond(slips.require(slipId))).build();
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.MEMBER, Roles.COMMUNITY, Roles.DESK, Roles.AUDITOR})
    @Operation(summary = "List slips", description = "Newest first. A member sees the slips dispatched to them and "
            + "those of the group they lead; a community worker their community's; the desk and auditors their street's")
    public SlipPageResponse list(@QueryParam("groupId") String groupId, @QueryParam("demandId") String demandId,
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "0-based") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100") int size) {
        RequestParameters.checkPage(page, size);
        SlipQueries.Filter filter = access.listing(groupId, demandId, enumValue(SlipStatus.class, "status", status));
        SlipQueries.Result result = slips.list(filter, page, size);
        Map<String, DemandView> demandsOf = demands.byId(result.items().stream().map(s -> s.demandId).toList());
        return new SlipPageResponse(result.items().stream().map(s -> SlipResponse.of(s, demandsOf.get(s.demandId)))
                .toList(), page, size,
                result.total());
    }

    @GET
    @Path("/{slipId}")
    @Transactional
    @RolesAllowed({Roles.MEMBER, Roles.COMMUNITY, Roles.DESK, Roles.AUDITOR})
    @Operation(summary = "Read a slip")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SlipResponse.class)))
    @APIResponse(responseCode = "404", description = "No such slip",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SlipResponse get(@PathParam("slipId") String slipId) {
        SlipView slip = slips.require(slipId);
        access.requireRead(slip);
        return respond(slip);
    }

    @POST
    @Path("/{slipId}/accept")
    @Transactional
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Accept a slip", description = "The member it names, within the acceptance time: "
            + "dispatched → accepted; the resolution time of its urgency starts")
    public SlipResponse accept(@PathParam("slipId") String slipId) {
        SlipView slip = slips.require(slipId);
        access.requireMemberOf(slip);
        work.accept(slipId, caller.subject(), caller.actor());
        return respond(slips.require(slipId));
    }

    @POST
    @Path("/{slipId}/decline")
    @Transactional
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Decline a slip, saying why", description = "The member it names: dispatched → declined; "
            + "the demand stays with the group, which may dispatch to another member")
    public SlipResponse decline(@PathParam("slipId") String slipId, @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = SlipReasonRequest.class))) byte[] body) throws JsonProcessingException {
        SlipView slip = slips.require(slipId);
        access.requireMemberOf(slip);
        SlipReasonRequest request = bodies.require(body, SlipReasonRequest.class);
        work.decline(slipId, caller.subject(), request.reason(), caller.actor());
        return respond(slips.require(slipId));
    }

    @POST
    @Path("/{slipId}/recall")
    @Transactional
    @RolesAllowed({Roles.MEMBER, Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Recall a slip (撤回派单), saying why", description = "The leader of the slip's group: a "
            + "dispatched slip at any time, an accepted one once it is overdue (escalated); the slip's community or the "
            + "street's desk once it was escalated to the community. Never a reported slip nor one whose member is "
            + "checked in (409). → recalled; the demand stays with the group, which may dispatch to another member or "
            + "send it back")
    public SlipResponse recall(@PathParam("slipId") String slipId, @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = SlipReasonRequest.class))) byte[] body) throws JsonProcessingException {
        SlipView slip = slips.require(slipId);
        EscalationLevel by = access.requireRecaller(slip);
        SlipReasonRequest request = bodies.require(body, SlipReasonRequest.class);
        work.recall(slipId, by, request.reason(), caller.actor());
        return respond(slips.require(slipId));
    }

    @POST
    @Path("/{slipId}/report")
    @Transactional
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Report the service given", description = "The member it names: accepted → reported, with "
            + "what was done, the hours and ONLINE or ON_SITE")
    public SlipResponse report(@PathParam("slipId") String slipId, @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = ReportSlipRequest.class))) byte[] body) throws JsonProcessingException {
        SlipView slip = slips.require(slipId);
        access.requireMemberOf(slip);
        ReportSlipRequest request = bodies.require(body, ReportSlipRequest.class);
        work.report(slipId, caller.subject(), request.service(), request.hours(), request.mode(), request.date(),
                caller.actor());
        return respond(slips.require(slipId));
    }

    @POST
    @Path("/{slipId}/satisfaction")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Record the resident's satisfaction", description = "The slip's community (or the street's "
            + "desk): reported → closed (3–5; the demand is rated) or accepted again (1–2, a new resolution time)")
    public SlipResponse satisfaction(@PathParam("slipId") String slipId, @RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = SatisfactionRequest.class))) byte[] body)
            throws JsonProcessingException {
        SlipView slip = slips.require(slipId);
        access.requireRecorder(slip);
        SatisfactionRequest request = bodies.require(body, SatisfactionRequest.class);
        work.recordSatisfaction(slipId, request.score(), caller.actor());
        return respond(slips.require(slipId));
    }

    @POST
    @Path("/{slipId}/check-in-code")
    @Transactional
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Obtain a check-in or check-out code (签到码) for an accepted slip",
            description = "The leader of the slip's group; the code is signed, expires after a few minutes (expiresAt) "
                    + "and is drawn as a QR code for the member to scan. With a place, it opens only within its radius")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CheckInCodeResponse.class)))
    public CheckInCodeResponse checkInCode(@PathParam("slipId") String slipId, @RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = CheckInCodeRequest.class))) byte[] body)
            throws JsonProcessingException {
        SlipView slip = slips.require(slipId);
        access.requireLeaderOf(slip);
        CheckInCodeRequest request = bodies.require(body, CheckInCodeRequest.class);
        return CheckInCodeResponse.of(checkIns.issueCode(slipId, request.purpose(), request.checkInPlace()));
    }

    @POST
    @Path("/{slipId}/check-in")
    @Transactional
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Check in (签到) with the leader's code", description = "The member the slip names, while it "
            + "is accepted: a CHECK_IN code of this slip, not expired, not used before; within its place if it names one")
    public SlipResponse checkIn(@PathParam("slipId") String slipId, @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = CheckInRequest.class))) byte[] body) throws JsonProcessingException {
        SlipView slip = slips.require(slipId);
        access.requireMemberOf(slip);
        CheckInRequest request = bodies.require(body, CheckInRequest.class);
        checkIns.checkIn(slipId, caller.subject(), request.code(), request.at(), caller.actor());
        return respond(slips.require(slipId));
    }

    @POST
    @Path("/{slipId}/check-out")
    @Transactional
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Check out (签退) with the leader's code", description = "The member the slip names, after "
            + "checking in: a CHECK_OUT code of this slip; the time since the check-in adds to the slip's checked hours")
    public SlipResponse checkOut(@PathParam("slipId") String slipId, @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = CheckInRequest.class))) byte[] body) throws JsonProcessingException {
        SlipView slip = slips.require(slipId);
        access.requireMemberOf(slip);
        CheckInRequest request = bodies.require(body, CheckInRequest.class);
        checkIns.checkOut(slipId, caller.subject(), request.code(), request.at(), caller.actor());
        return respond(slips.require(slipId));
    }

    @POST
    @Path("/{slipId}/hours-confirmation")
    @Transactional
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Confirm the hours of a member who could not check in",
            description = "The leader of the slip's group, for a reported slip without checked time; the hours are "
                    + "then credited as CONFIRMED_BY_LEADER")
    public SlipResponse confirmHours(@PathParam("slipId") String slipId, @RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = ConfirmHoursRequest.class))) byte[] body)
            throws JsonProcessingException {
        SlipView slip = slips.require(slipId);
        access.requireLeaderOf(slip);
        ConfirmHoursRequest request = bodies.require(body, ConfirmHoursRequest.class);
        checkIns.confirmHours(slipId, caller.subject(), request.hours(), request.reason(), caller.actor());
        return respond(slips.require(slipId));
    }

    /** A demand that does not exist, or none named: nobody leads its group. */
    private static DemandView noDemand() {
        return new DemandView();
    }

    private SlipResponse respond(SlipView slip) {
        return SlipResponse.of(slip, demands.find(slip.demandId).orElse(null));
    }
}

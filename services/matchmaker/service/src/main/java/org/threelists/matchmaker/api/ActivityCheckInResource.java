package org.threelists.matchmaker.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.matchmaker.api.CheckInBodies.Attendance;
import org.threelists.matchmaker.api.CheckInBodies.Code;
import org.threelists.matchmaker.api.CheckInBodies.CodeRequest;
import org.threelists.matchmaker.api.CheckInBodies.ScanRequest;
import org.threelists.matchmaker.projection.ProjectProjection;
import org.threelists.matchmaker.projection.ProjectProjection.AttendanceLine;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.matchmaker.service.ProjectCheckIns;
import org.threelists.platform.axon.RetriedOnConcurrentChange;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

/**
 * Check-in and check-out (签到/签退) at a project's scheduled activity (README "Check-in and reconciliation"): a holding
 * unit or the desk of the street shows a signed, short-lived code; a volunteer on a holder's roster, signed in as a
 * member (the token's subject is the volunteer id), scans it at the start and at the end. The caller is authorised for
 * the project before the body is read; a refused scan changes nothing.
 */
@RetriedOnConcurrentChange
@Path("/projects/{projectId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ActivityCheckInResource {

    private final ProjectCheckIns checkIns;
    private final ProjectAccess access;
    private final ProjectRendering rendering;
    private final RequestValidation validation;
    private final Caller caller;

    ActivityCheckInResource(ProjectCheckIns checkIns, ProjectAccess access, ProjectRendering rendering,
            RequestValidation validation, Caller caller) {
        this.checkIns = checkIns;
        this.access = access;
        this.rendering = rendering;
        this.validation = validation;
        this.caller = caller;
    }

    @POST
    @Path("/check-in-code")
    @Transactional
    @RolesAllowed({Roles.UNIT, Roles.DESK})
    @Operation(summary = "Obtain a check-in or check-out code (签到码) for the scheduled activity",
            description = "A holding unit or the desk of the project's street, while the project is scheduled; the code "
                    + "is signed, expires after a few minutes (expiresAt) and is drawn as a QR code for the volunteers to "
                    + "scan, each once. With a place, it opens only within its radius")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Code.class)))
    @RequestBody(required = true)
    public Code checkInCode(@PathParam("projectId") String projectId, CodeRequest request) {
        ProjectView project = rendering.load(projectId);
        if (access.isDesk()) {
            access.requireDesk(project);
        } else {
            access.requireHolder(project);
        }
        validation.check(request);
        return Code.of(checkIns.issueCode(projectId, request.purpose(), request.checkInPlace()));
    }

    @POST
    @Path("/check-in")
    @Transactional
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Check in (签到) at the scheduled activity with the code shown there",
            description = "A volunteer on the roster of a unit holding the project: a CHECK_IN code of this project, "
                    + "not expired, not used by this volunteer before; within its place if it names one")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Attendance.class)))
    @RequestBody(required = true)
    public Attendance checkIn(@PathParam("projectId") String projectId, ScanRequest request) {
        return scan(projectId, request, checkIns::checkIn);
    }

    @POST
    @Path("/check-out")
    @Transactional
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Check out (签退) of the scheduled activity with the code shown there",
            description = "The volunteer, after checking in: a CHECK_OUT code of this project; the time since the "
                    + "check-in adds to the volunteer's checked hours, which the delivery report is reconciled against")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Attendance.class)))
    @RequestBody(required = true)
    public Attendance checkOut(@PathParam("projectId") String projectId, ScanRequest request) {
        return scan(projectId, request, checkIns::checkOut);
    }

    /** A check-in or check-out of the signed-in volunteer: {@link ProjectCheckIns#checkIn} or its check-out. */
    @FunctionalInterface
    private interface Scan {
        boolean apply(String projectId, String volunteerId, String unitId, String code, Double latitude,
                Double longitude, String actor);
    }

    private Attendance scan(String projectId, ScanRequest request, Scan scan) {
        String unit = volunteerUnit(rendering.load(projectId));
        validation.check(request);
        boolean atPlace = scan.apply(projectId, caller.subject(), unit, request.code(), request.latitude(),
                request.longitude(), caller.actor());
        return attendance(projectId, atPlace);
    }

    /** The holding unit the signed-in volunteer serves with; a member on no holder's roster may not check in. */
    private String volunteerUnit(ProjectView project) {
        return checkIns.holderUnitOf(project, caller.subject()).orElseThrow(() -> ProblemException.forbidden(
                "Only volunteers of the units holding project " + project.projectId + " check in to its activity"));
    }

    private Attendance attendance(String projectId, boolean atPlace) {
        ProjectView project = rendering.load(projectId);
        AttendanceLine line = ProjectProjection.attendance(project.attendance).stream()
                .filter(l -> l.volunteerId().equals(caller.subject())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the check-in of " + caller.subject() + " is missing"));
        return Attendance.of(projectId, project.scheduledDate, project.scheduledPlace, line, atPlace);
    }
}

package org.threelists.matchmaker.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.matchmaker.domain.ProjectCommands.CheckInVolunteer;
import org.threelists.matchmaker.domain.ProjectCommands.CheckOutVolunteer;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.matchmaker.projection.RosterVolunteerView;
import org.threelists.platform.checkin.CheckInCode;
import org.threelists.platform.checkin.CheckInCodes;
import org.threelists.platform.checkin.CheckInPlace;
import org.threelists.platform.checkin.CheckInPurpose;
import org.threelists.platform.domain.IllegalTransitionException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Check-in and check-out at a project's scheduled activity (签到/签退; README "Check-in and reconciliation"): a holding
 * unit or the desk obtains a short-lived signed code (libs/platform {@code checkin}) and shows it as a QR code; each
 * volunteer on a holder's roster scans it at the start and at the end, within the code's place if it names one. The
 * code is verified here (signature, lifetime, purpose, project, place); the project refuses a code the volunteer used
 * before, a check-out without a check-in and a volunteer of a unit that does not hold it. The caller was authorised.
 */
@ApplicationScoped
public class ProjectCheckIns {

    private final CommandGateway commands;
    private final CheckInCodes codes;

    ProjectCheckIns(CommandGateway commands, CheckInCodes codes) {
        this.commands = commands;
        this.codes = codes;
    }

    /** A new code for the scheduled activity; nothing is stored (the code carries all it needs, signed). */
    public CheckInCode issueCode(String projectId, CheckInPurpose purpose, Optional<CheckInPlace> place) {
        ProjectView project = ProjectLookup.project(projectId);
        if (project.status != ProjectStatus.SCHEDULED) {
            throw new IllegalTransitionException("issue a check-in code for project " + projectId, project.status);
        }
        return codes.issue(projectId, purpose, place, now());
    }

    /**
     * The holding unit whose roster names {@code volunteerId} as an active volunteer (a dual-registered member, 双报到,
     * counts through the unit it registered with), if any: only such a volunteer checks in to the project.
     */
    public Optional<String> holderUnitOf(ProjectView project, String volunteerId) {
        RosterVolunteerView registered = volunteerId == null ? null : RosterVolunteerView.findById(volunteerId);
        if (registered == null || !RosterVolunteerView.ACTIVE.equals(registered.status)
                || !project.heldBy(registered.unitId)) {
            return Optional.empty();
        }
        return Optional.of(registered.unitId);
    }

    /** Whether the code named a place (and the position lay within it). */
    @Transactional
    public boolean checkIn(String projectId, String volunteerId, String unitId, String code, Double latitude,
            Double longitude, String actor) {
        Instant now = now();
        CheckInCode verified = codes.verify(code, projectId, CheckInPurpose.CHECK_IN, now);
        boolean atPlace = verified.requireAtPlace(latitude, longitude);
        commands.sendAndWait(new CheckInVolunteer(projectId, volunteerId, unitId, verified.nonce(), atPlace, now, actor));
        return atPlace;
    }

    @Transactional
    public boolean checkOut(String projectId, String volunteerId, String unitId, String code, Double latitude,
            Double longitude, String actor) {
        Instant now = now();
        CheckInCode verified = codes.verify(code, projectId, CheckInPurpose.CHECK_OUT, now);
        boolean atPlace = verified.requireAtPlace(latitude, longitude);
        commands.sendAndWait(new CheckOutVolunteer(projectId, volunteerId, unitId, verified.nonce(), atPlace, now, actor));
        return atPlace;
    }

    /** Whole milliseconds, as timestamptz keeps them: a round's time reads back as it was recorded. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

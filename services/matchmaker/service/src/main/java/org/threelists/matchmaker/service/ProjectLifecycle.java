package org.threelists.matchmaker.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.matchmaker.deadline.DeadlinePolicy;
import org.threelists.matchmaker.domain.ProjectCommands.CancelProject;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmCompletion;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmCompletionForCommunity;
import org.threelists.matchmaker.domain.ProjectCommands.PublishProject;
import org.threelists.matchmaker.domain.ProjectCommands.RateProject;
import org.threelists.matchmaker.domain.ProjectCommands.ReportDelivery;
import org.threelists.matchmaker.domain.ProjectCommands.ScheduleProject;
import org.threelists.matchmaker.domain.ProjectValues.Calendar;
import org.threelists.matchmaker.domain.ProjectValues.DeliveryReport;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;
import org.threelists.matchmaker.projection.ProjectView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A project from the joint meeting's decision to the residents' ratings: publish, schedule, report the delivery,
 * confirm the completion, rate, cancel. The deadlines each step starts come from the {@link DeadlinePolicy} by the
 * project's urgency; the rules of each step are the {@code Project} aggregate's.
 */
@ApplicationScoped
public class ProjectLifecycle {

    private final CommandGateway commands;
    private final DeadlinePolicy policy;
    private final DeliveryVolunteers volunteers;
    private final Offers offers;

    ProjectLifecycle(CommandGateway commands, DeadlinePolicy policy, DeliveryVolunteers volunteers, Offers offers) {
        this.commands = commands;
        this.policy = policy;
        this.volunteers = volunteers;
        this.offers = offers;
    }

    /** The joint meeting's decision: open for a claim (the default) or for pledges until the claim deadline. */
    @Transactional
    public void publish(String projectId, Mode mode, String note, String actor) {
        ProjectView project = ProjectLookup.project(projectId);
        Instant now = Instant.now();
        commands.sendAndWait(new PublishProject(projectId, mode == null ? Mode.CLAIM : mode, note, now,
                policy.claimDeadline(project.urgency, now), actor));
    }

    @Transactional
    public void cancel(String projectId, String reason, String actor) {
        commands.sendAndWait(new CancelProject(projectId, reason, actor));
    }

    @Transactional
    public void schedule(String projectId, LocalDate date, String place, String actor) {
        commands.sendAndWait(new ScheduleProject(projectId, date, place, offers.zone(), actor));
    }

    /**
     * A holder's delivery report, dated in the communities' calendar; its volunteers are resolved against the roster
     * ({@link DeliveryVolunteers}: hours cannot be invented), and the unit sets only its own claim's use.
     */
    @Transactional
    public void deliver(String projectId, String unit, LocalDate date, String place, List<VolunteerHours> reported,
            int residentsServed, String notes, Map<String, BigDecimal> usedByClaim, String actor) {
        ProjectView project = ProjectLookup.project(projectId);
        DeliveryReport report = new DeliveryReport(date, place, volunteers.of(project, reported), residentsServed,
                notes);
        Calendar calendar = new Calendar(LocalDate.now(offers.zone()), offers.zone());
        commands.sendAndWait(new ReportDelivery(projectId, report, usedByClaim == null ? Map.of() : usedByClaim, unit,
                calendar, actor));
    }

    /** The community confirms the delivery. */
    @Transactional
    public void complete(String projectId, String actor) {
        commands.sendAndWait(new ConfirmCompletion(projectId, actor));
    }

    /**
     * The desk confirms the delivery on the community's behalf, with why, once the confirmation wait passed (README
     * "Confirmation wait"); the completion it records is the one consumers already count.
     */
    @Transactional
    public void completeForCommunity(String projectId, String reason, String actor) {
        commands.sendAndWait(new ConfirmCompletionForCommunity(projectId, reason, actor));
    }

    /** A resident's rating of one demand's service, recorded by the community. */
    @Transactional
    public void rate(String projectId, String demandId, int score, String comment, String actor) {
        commands.sendAndWait(new RateProject(projectId, demandId, score, comment, actor));
    }
}

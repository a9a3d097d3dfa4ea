package org.threelists.matchmaker.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.matchmaker.deadline.DeadlinePolicy;
import org.threelists.matchmaker.domain.ProjectCommands.ClaimProject;
import org.threelists.matchmaker.domain.ProjectCommands.PledgeToProject;
import org.threelists.matchmaker.domain.ProjectCommands.ReleaseClaim;
import org.threelists.matchmaker.projection.AvailableResourceView;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.domain.NotPermittedException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Units take published projects: a claim (认领) takes the whole need, a pledge takes a share of it, and either waits
 * for resource-list to reserve the capacity (README "The capacity saga"); a unit gives back its own claim or pledge
 * and the desk takes a project back from all its holders. That pledges never exceed the need is the {@code Project}
 * aggregate's rule; here the unit's offer and period are chosen and each claim gets its id.
 */
@ApplicationScoped
public class ProjectClaims {

    private final CommandGateway commands;
    private final ProjectQueries queries;
    private final Offers offers;
    private final DeadlinePolicy policy;

    ProjectClaims(CommandGateway commands, ProjectQueries queries, Offers offers, DeadlinePolicy policy) {
        this.commands = commands;
        this.queries = queries;
        this.offers = offers;
        this.policy = policy;
    }

    /** The unit claims the whole project with one of its offers; the id of the pending claim. */
    @Transactional
    public String claim(String projectId, String unit, String resourceId, String period, String actor) {
        ProjectView project = ProjectLookup.project(projectId);
        AvailableResourceView offer = offers.offerOf(unit, resourceId, project);
        String claimId = UUID.randomUUID().toString();
        commands.sendAndWait(new ClaimProject(projectId, claimId, unit, offer.resourceId, offers.period(offer, period),
                actor));
        return claimId;
    }

    /** The unit pledges a share of the need with one of its offers; the id of the pending pledge. */
    @Transactional
    public String pledge(String projectId, String unit, String resourceId, BigDecimal amount, String period,
            String actor) {
        ProjectView project = ProjectLookup.project(projectId);
        AvailableResourceView offer = offers.offerOf(unit, resourceId, project);
        String claimId = UUID.randomUUID().toString();
        commands.sendAndWait(new PledgeToProject(projectId, claimId, unit, offer.resourceId, amount,
                offers.period(offer, period), actor));
        return claimId;
    }

    /** Only a unit that holds or awaits a claim or pledge of the project may give it back. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireClaimant(String projectId, String unit) {
        boolean claimant = queries.claims(projectId).stream().anyMatch(c -> c.unitId.equals(unit)
                && (c.status == ProjectClaimView.Status.PENDING || c.status == ProjectClaimView.Status.CONFIRMED));
        if (!claimant) {
            throw new NotPermittedException("Only a unit holding or claiming project " + projectId + " may give it back");
        }
    }

    /**
     * A unit ({@code unit}) gives back its own claim or pledge, or the desk ({@code unit} null) takes the project
     * back from every holder; the project goes back on the list — with a new claim deadline after the desk's taking
     * back, under the one it had after a unit's giving back (the {@code Project} decides).
     */
    @Transactional
    public void release(String projectId, String unit, String reason, String actor) {
        ProjectView project = ProjectLookup.project(projectId);
        // The reason reaches the project's other readers and the topic: it does not say which unit gave it back
        // (README "REST": a unit is not told who holds or claimed a project).
        String why = reason != null ? reason
                : unit == null ? "taken back by the desk" : "given back by the claiming unit";
        Instant deadline = policy.claimDeadline(project.urgency, Instant.now());
        commands.sendAndWait(new ReleaseClaim(projectId, unit, why, deadline, actor));
    }
}

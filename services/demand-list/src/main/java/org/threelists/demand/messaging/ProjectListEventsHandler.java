package org.threelists.demand.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.threelists.demand.domain.DemandCommands.FulfilDemand;
import org.threelists.demand.domain.DemandCommands.MatchDemand;
import org.threelists.demand.domain.DemandCommands.RateDemand;
import org.threelists.demand.domain.DemandCommands.ReopenDemand;
import org.threelists.demand.domain.DemandCommands.StartDemandWork;
import org.threelists.demand.domain.DemandNotFoundException;
import org.threelists.demand.domain.ProjectHolder;
import org.threelists.demand.domain.ProjectStepOutcome;
import org.threelists.demand.domain.ProjectStepRefusedException;
import org.threelists.demand.domain.ReopenCause;
import org.threelists.demand.service.ProjectSteps;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.IntegrationEventHandler;
import org.threelists.platform.inbox.InvalidMessageException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The demand list follows the project list (project-list.events.v1): a claimed project matches its demands and lets
 * its holders serve them; scheduling starts the work, completion fulfils the demands, the resident's rating rates
 * one; a cancelled project, a released or expired claim puts the demands back on the list for the desk. This class
 * reads the event into the step's command; {@link ProjectSteps} sends it to each demand.
 *
 * <p>A valid event that no longer concerns a demand — it was withdrawn meanwhile, or the step was followed before
 * (a replay behind a lost inbox) — is acknowledged and changes nothing: the aggregate says so with a
 * {@link ProjectStepOutcome} instead of an error, because an error would roll back the inbox record with it, and the
 * message would be retried and dead-lettered for being right about a demand that has moved on. Only a message that
 * can never apply goes to {@code project-list.events.v1.dlq}: invalid against the schema, naming a demand the list
 * does not have, or one the aggregate refuses (a project of another community).
 */
@Singleton
public class ProjectListEventsHandler extends IntegrationEventHandler {

    private static final Logger LOG = Logger.getLogger(ProjectListEventsHandler.class);

    private final ProjectSteps steps;

    ProjectListEventsHandler(ProjectSteps steps) {
        super(Topics.PROJECT_EVENTS, "demand-list.project-list");
        this.steps = steps;
    }

    @Override
    protected void apply(InboundEvent event) throws InvalidMessageException {
        String projectId = event.text("projectId");
        Instant at = event.time();
        String actor = event.actor();
        switch (event.name()) {
            case "project.claimed" -> {
                String community = event.text("communityCode");
                List<ProjectHolder> holders = holders(event.data().path("holders"));
                follow(event, demandIds(event), id -> new MatchDemand(id, projectId, community, holders, at, actor));
            }
            case "project.scheduled" ->
                    follow(event, demandIds(event), id -> new StartDemandWork(id, projectId, at, actor));
            case "project.completed" ->
                    follow(event, demandIds(event), id -> new FulfilDemand(id, projectId, at, actor));
            case "project.rated" -> {
                int score = event.data().path("score").asInt();
                follow(event, List.of(event.text("demandId")), id -> new RateDemand(id, projectId, score, at, actor));
            }
            case "project.cancelled" -> {
                String reason = ReopenCause.PROJECT_CANCELLED.reason(event.text("reason"));
                // A cancelled project never comes back: it lets go of its demands whoever held it.
                follow(event, demandIds(event),
                        id -> new ReopenDemand(id, projectId, null, ReopenCause.PROJECT_CANCELLED, reason, at, actor));
            }
            case "project.claim-released" -> {
                String reason = ReopenCause.CLAIM_RELEASED.reason(event.text("reason"));
                Set<String> released = releasedClaims(event);
                follow(event, demandIds(event), id -> new ReopenDemand(id, projectId, released,
                        ReopenCause.CLAIM_RELEASED, reason, at, actor));
            }
            case "project.claim-expired" -> {
                Set<String> released = releasedClaims(event);
                follow(event, demandIds(event),
                        id -> new ReopenDemand(id, projectId, released, ReopenCause.CLAIM_EXPIRED,
                                ReopenCause.CLAIM_EXPIRED.reason(), at, actor));
            }
            default -> {
                // Proposals, publication, claim requests and refusals, pledges, deliveries and escalations are the
                // project's own business: its demands change only when it is taken, worked on, closed or let go.
            }
        }
    }

    private void follow(InboundEvent event, List<String> demandIds, Function<String, Object> command)
            throws InvalidMessageException {
        List<ProjectSteps.Followed> followed;
        try {
            followed = steps.follow(demandIds, command);
        } catch (DemandNotFoundException e) {
            throw new InvalidMessageException(event.type() + " " + event.id() + " names demand " + e.demandId()
                    + ", which is not on the demand list");
        } catch (ProjectStepRefusedException e) {
            // The aggregate refuses what the message says, whatever state the demand is in: it never will apply.
            throw new InvalidMessageException("Demand " + e.demandId() + " refuses " + event.type() + " "
                    + event.id() + ": " + e.getMessage(), e.getCause());
        }
        for (ProjectSteps.Followed step : followed) {
            if (step.outcome() == ProjectStepOutcome.NOT_APPLICABLE) {
                LOG.infof("Demand %s has moved on: %s %s of project %s does not apply to it; acknowledged",
                        step.demandId(), event.type(), event.id(), event.subject());
            } else if (step.outcome() == ProjectStepOutcome.ALREADY_APPLIED) {
                LOG.debugf("Demand %s already followed %s %s", step.demandId(), event.type(), event.id());
            }
        }
    }

    private static List<String> demandIds(InboundEvent event) {
        List<String> ids = new ArrayList<>();
        event.data().path("demandIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static List<ProjectHolder> holders(JsonNode holders) {
        List<ProjectHolder> list = new ArrayList<>();
        holders.forEach(h -> list.add(new ProjectHolder(h.path("claimId").asText(), h.path("unitId").asText())));
        return list;
    }

    private static Set<String> releasedClaims(InboundEvent event) {
        Set<String> claims = new LinkedHashSet<>();
        event.data().path("releases").forEach(r -> claims.add(r.path("claimId").asText()));
        return claims;
    }
}

package org.threelists.demand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.demand.domain.DemandNotFoundException;
import org.threelists.demand.domain.ProjectStepOutcome;
import org.threelists.demand.domain.ProjectStepRefusedException;
import org.threelists.demand.projection.DemandQueries;
import org.threelists.platform.domain.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The demands of a project follow its steps on the project list (services/demand-list/README.md, the table of
 * project events): each demand is sent the step's command, and says with a {@link ProjectStepOutcome} whether it
 * took the step, had taken it before, or has moved on. All of a project's demands take the step, or none does.
 */
@ApplicationScoped
public class ProjectSteps {

    /** What one demand made of the step. */
    public record Followed(String demandId, ProjectStepOutcome outcome) {
    }

    private final CommandGateway commands;
    private final DemandQueries queries;

    ProjectSteps(CommandGateway commands, DemandQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * Sends {@code step}'s command to each demand, in order, and answers with each demand's outcome. Refuses the
     * whole step, before any demand takes it, when one of the demands is not on the list
     * ({@link DemandNotFoundException}); a demand that refuses the command, whatever its state, refuses the whole
     * step too ({@link ProjectStepRefusedException}), and the caller's transaction undoes what the others took.
     */
    @Transactional
    public List<Followed> follow(List<String> demandIds, Function<String, Object> step) {
        demandIds.forEach(queries::require);
        List<Followed> outcomes = new ArrayList<>();
        for (String demandId : demandIds) {
            try {
                ProjectStepOutcome outcome = commands.sendAndWait(step.apply(demandId));
                outcomes.add(new Followed(demandId, outcome));
            } catch (DomainException refusal) {
                throw new ProjectStepRefusedException(demandId, refusal);
            }
        }
        return outcomes;
    }
}

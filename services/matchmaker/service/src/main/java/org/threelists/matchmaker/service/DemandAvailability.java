package org.threelists.matchmaker.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.platform.domain.DomainException;
import org.threelists.platform.domain.IllegalTransitionException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A demand goes into at most one active project: the desk's assignment, a unit's 揭榜 and the engine's proposals all
 * take only listed demands that no active project serves (README "Planning"). Checked under the street's lock
 * ({@code Proposals.lockStreet}), so two of them never take the same demand.
 */
@ApplicationScoped
public class DemandAvailability {

    private final ProjectQueries queries;

    DemandAvailability(ProjectQueries queries) {
        this.queries = queries;
    }

    /** Listed demands that no active project serves yet; refused otherwise. Call under the street's lock. */
    void requireAssignable(List<OpenDemandView> demands) {
        for (OpenDemandView demand : demands) {
            if (!OpenDemandView.LISTED.equals(demand.status)) {
                throw new IllegalTransitionException("assign demand " + demand.demandId, demand.status);
            }
        }
        Set<String> taken = queries.taken(demands.stream().map(d -> d.demandId).toList());
        if (!taken.isEmpty()) {
            throw new DomainException(DomainException.Kind.ALREADY_EXISTS, "A project already serves demand(s) " + taken,
                    Map.of("demandIds", List.copyOf(taken)));
        }
    }
}

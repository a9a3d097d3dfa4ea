package org.threelists.matchmaker.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.platform.domain.DomainException;
import org.threelists.platform.domain.IllegalTransitionException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
        requireListed(demands);
        Set<String> taken = queries.taken(ids(demands));
        if (!taken.isEmpty()) {
            throw alreadyServed(taken);
        }
    }

    /**
     * For the desk's own assignment: listed demands that no decided project serves. The engine's proposals still
     * waiting for the joint meeting (待审议) that serve them are what the desk overrules: they are returned to be
     * superseded, while a project the meeting published, or one a unit holds, refuses the assignment. Call under the
     * street's lock.
     */
    List<ProjectView> engineProposalsToSupersede(List<OpenDemandView> demands) {
        requireListed(demands);
        List<String> wanted = ids(demands);
        List<ProjectView> proposals = new ArrayList<>();
        Set<String> taken = new TreeSet<>();
        for (ProjectView project : queries.serving(wanted)) {
            if (project.status == ProjectStatus.PROPOSED && Origin.ENGINE.name().equals(project.origin)) {
                proposals.add(project);
            } else {
                Arrays.stream(project.demandIds).filter(wanted::contains).forEach(taken::add);
            }
        }
        if (!taken.isEmpty()) {
            throw alreadyServed(taken);
        }
        return proposals;
    }

    private static void requireListed(List<OpenDemandView> demands) {
        for (OpenDemandView demand : demands) {
            if (!OpenDemandView.LISTED.equals(demand.status)) {
                throw new IllegalTransitionException("assign demand " + demand.demandId, demand.status);
            }
        }
    }

    private static List<String> ids(List<OpenDemandView> demands) {
        return demands.stream().map(d -> d.demandId).toList();
    }

    private static DomainException alreadyServed(Set<String> taken) {
        return new DomainException(DomainException.Kind.ALREADY_EXISTS, "A project already serves demand(s) " + taken,
                Map.of("demandIds", List.copyOf(taken)));
    }
}

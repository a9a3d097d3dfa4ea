package org.threelists.matchmaker.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.matchmaker.matching.Assignment;
import org.threelists.matchmaker.matching.MatchingPlan;
import org.threelists.matchmaker.matching.ProposedProject;
import org.threelists.matchmaker.planning.Proposals;

import java.util.List;

/** The plan of a street (the engine's answer, as for an instance) and what it changed on the project list. */
@Schema(name = "StreetPlan")
public record StreetPlan(List<Assignment> assignments, List<String> unmatchedDemandIds, double objective,
        double upperBound, double gap, long solveMillis, String method, List<ProposedProject> projects,
        double flowBound,
        @Schema(description = "The Project proposals (status PROPOSED, origin ENGINE) this plan created")
        List<String> proposedProjectIds,
        @Schema(description = "Proposals not yet published that no longer stood (a demand left the list, an offer or "
                + "unit is gone) and were cancelled before planning")
        List<String> supersededProjectIds) {

    static StreetPlan of(Proposals.Outcome outcome) {
        MatchingPlan p = outcome.plan();
        return new StreetPlan(p.assignments(), p.unmatchedDemandIds(), p.objective(), p.upperBound(), p.gap(),
                p.solveMillis(), p.method(), p.projects(), p.flowBound(), outcome.proposedProjectIds(),
                outcome.supersededProjectIds());
    }
}

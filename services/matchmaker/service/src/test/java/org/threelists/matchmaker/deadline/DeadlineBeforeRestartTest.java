package org.threelists.matchmaker.deadline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.projection.EscalationView;
import org.threelists.matchmaker.projection.ProjectDeadline;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.testing.RealInfrastructure;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.sleep;
import static org.threelists.matchmaker.ProjectWorld.publishedProposal;
import static org.threelists.matchmaker.ProjectWorld.stored;
import static org.threelists.matchmaker.ProjectWorld.uniqueSkill;

/**
 * First half of "a deadline fires after a restart" (docs/architecture.md, "5. Deadlines"): a project is published with a two-second claim
 * deadline while no poller runs; the deadline passes and nothing happens — the service is, in effect, down. The second
 * half, {@link DeadlineAfterRestartTest}, runs in a new Quarkus instance on the same database.
 */
@QuarkusTest
@TestProfile(Restart1PollerStoppedProfile.class)
@QuarkusTestResource(RealInfrastructure.class)
class DeadlineBeforeRestartTest {

    static final String PROJECT = "threelists.test.restart-project";

    @Test
    void a_claim_deadline_passes_while_no_poller_runs() {
        String projectId = publishedProposal("EMPLOYMENT", uniqueSkill(), "NORMAL", 2, "CLAIM");
        Instant due = stored(projectId).claimDeadline;
        assertThat(due).isBefore(Instant.now().plusSeconds(3));

        sleep(Math.max(0, due.toEpochMilli() - System.currentTimeMillis()) + 1500);

        ProjectDeadline deadline = QuarkusTransaction.requiringNew().call(() ->
                ProjectDeadline.findById(new ProjectDeadline.Key(projectId, "CLAIM")));
        assertThat(deadline.dueAt).isEqualTo(due).isBefore(Instant.now());
        assertThat(QuarkusTransaction.requiringNew().call(() -> EscalationView.TABLE.count("project_id = ?", projectId))).isZero();
        ProjectView project = stored(projectId);
        assertThat(project.status.name()).isEqualTo("PUBLISHED");
        assertThat(project.claimDeadline).isEqualTo(due);
        System.setProperty(PROJECT, projectId);
    }
}

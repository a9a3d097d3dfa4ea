package org.threelists.matchmaker.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.testing.ViewRoundTrip;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read model's row survives its table: each field written is read back as it was, on insert and on the update
 * of a row that is there, nulls included — no field without its column, no column without its field, no column read
 * into the wrong field.
 */
@QuarkusTest
@QuarkusTestResource(org.threelists.testing.RealInfrastructure.class)
class ViewTableTest {

    private final ViewRoundTrip rows = new ViewRoundTrip(20261207, Instant.parse("2026-12-07T00:00:00Z"));

    @Test
    void every_view_reads_back_every_field_it_wrote_on_insert_and_on_update() {
        rows.check(OpenDemandView.TABLE, OpenDemandView.class);
        rows.check(AvailableResourceView.TABLE, AvailableResourceView.class);
        rows.check(ResourceRemainingView.TABLE, ResourceRemainingView.class);
        rows.check(MemberUnitView.TABLE, MemberUnitView.class);
        rows.check(RosterVolunteerView.TABLE, RosterVolunteerView.class);
        rows.check(ProjectView.TABLE, ProjectView.class);
        rows.check(ProjectClaimView.TABLE, ProjectClaimView.class);
        rows.check(EscalationView.TABLE, EscalationView.class);
        rows.check(ProjectDeadline.TABLE, ProjectDeadline.class);
    }

    @Test
    void a_deleted_row_is_gone_and_a_missing_one_is_null() {
        ProjectDeadline deadline = new ProjectDeadline();
        deadline.projectId = UUID.randomUUID().toString();
        deadline.kind = "CLAIM";
        deadline.dueAt = Instant.parse("2026-12-07T08:00:00Z");
        deadline.urgency = org.threelists.contracts.Urgency.NORMAL;
        QuarkusTransaction.requiringNew().run(deadline::save);
        ProjectDeadline.Key key = new ProjectDeadline.Key(deadline.projectId, "CLAIM");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ProjectDeadline.findById(key)).dueAt)
                .isEqualTo(deadline.dueAt);

        assertThat(QuarkusTransaction.requiringNew().call(() -> ProjectDeadline.deleteById(key))).isTrue();

        assertThat(QuarkusTransaction.requiringNew().call(() -> ProjectDeadline.findById(key))).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ProjectDeadline.deleteById(key))).isFalse();
    }
}

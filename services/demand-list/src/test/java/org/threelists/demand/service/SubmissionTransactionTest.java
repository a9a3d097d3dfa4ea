package org.threelists.demand.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threelists.contracts.Category;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.contracts.CommunityDirectory.Community;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandDetails;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.domain.ResidentContact;
import org.threelists.demand.domain.TimeWindow;
import org.threelists.demand.projection.DemandQueries;
import org.threelists.demand.projection.DemandView;
import org.threelists.testing.RealInfrastructure;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission's event, its {@code demand_view} row (one plain INSERT, not a Hibernate entity) and its resident's key
 * commit or roll back together, and what the transaction reads of the demand is what it wrote — also after a later
 * event of the same transaction changed the row (bench/README.md, "Fast path, part four").
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SubmissionTransactionTest {

    private static final Community JIAFU = CommunityDirectory.standard().find("jiafu").orElseThrow();
    private static final ResidentContact RESIDENT = new ResidentContact("周阿姨", "13800000077", "嘉福盐业小区3栋202室");

    @Inject
    DemandSubmission submission;
    @Inject
    DemandCuration curation;
    @Inject
    DemandQueries queries;
    @Inject
    ResidentContacts contacts;
    @Inject
    TransactionManager transactions;
    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void noTransactionLeftOpen() throws Exception {
        if (transactions.getTransaction() != null) {
            transactions.rollback();
        }
    }

    @Test
    void a_submission_rolled_back_leaves_no_event_no_row_and_no_key() throws Exception {
        transactions.begin();
        String id = submission.submit(JIAFU, details(), null, RESIDENT, "wang-fang");
        DemandView read = queries.require(id);
        assertThat(read.status).isEqualTo(DemandStatus.SUBMITTED);
        assertThat(contacts.open(id, read.sealedResident)).contains(RESIDENT);
        // on the transaction's own connection: the row is there before the commit
        assertThat(count("SELECT count(*) FROM demand_view WHERE demand_id = ?", id)).isEqualTo(1);
        transactions.rollback();

        assertThat(count("SELECT count(*) FROM demand_view WHERE demand_id = ?", id)).isZero();
        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", id)).isZero();
        assertThat(count("SELECT count(*) FROM personal_data_key WHERE subject_id = ?", "demand:" + id)).isZero();
        transactions.begin();
        assertThat(queries.find(id)).isEmpty();
        transactions.commit();
    }

    @Test
    void a_committed_submission_reads_back_as_it_was_answered() throws Exception {
        transactions.begin();
        String id = submission.submit(JIAFU, details(), null, RESIDENT, "wang-fang");
        DemandView answered = queries.require(id);
        transactions.commit();

        transactions.begin();
        DemandView stored = queries.require(id);
        assertThat(stored).isNotSameAs(answered);
        assertThat(List.of(stored.demandId, stored.streetCode, stored.communityCode, stored.compound, stored.building,
                stored.category, stored.description, stored.beneficiaries, stored.urgency, stored.windowStart,
                stored.windowEnd, stored.estimatedHours, stored.requiredSkills, stored.source, stored.sealedResident,
                stored.status, stored.servingUnits, stored.submittedBy, stored.updatedBy, stored.version))
                .isEqualTo(List.of(answered.demandId, answered.streetCode, answered.communityCode, answered.compound,
                        answered.building, answered.category, answered.description, answered.beneficiaries,
                        answered.urgency, answered.windowStart, answered.windowEnd, answered.estimatedHours,
                        answered.requiredSkills, answered.source, answered.sealedResident, answered.status,
                        answered.servingUnits, answered.submittedBy, answered.updatedBy, answered.version));
        assertThat(stored.submittedAt.toEpochMilli()).isEqualTo(answered.submittedAt.toEpochMilli());
        assertThat(stored.deadline).isNull();
        assertThat(stored.municipalTicketId).isNull();
        assertThat(stored.rating).isNull();
        assertThat(contacts.open(id, stored.sealedResident)).contains(RESIDENT);
        // the answer showed the skills it had written; the stored row reads back the same
        assertThat(stored.requiredSkillList()).isEqualTo(answered.requiredSkillList()).containsExactly("法律咨询");
        transactions.commit();

        // a later transaction rebuilds the demand from its committed events alone (no snapshot is asked for)
        transactions.begin();
        curation.verify(id, null, "wang-fang");
        assertThat(queries.require(id).status).isEqualTo(DemandStatus.LISTED);
        transactions.commit();
    }

    @Test
    void a_later_event_of_the_same_transaction_is_what_the_transaction_then_reads() throws Exception {
        transactions.begin();
        String id = submission.submit(JIAFU, details(), null, RESIDENT, "wang-fang");
        curation.verify(id, null, "wang-fang");
        assertThat(queries.require(id).status).isEqualTo(DemandStatus.LISTED);
        assertThat(queries.require(id).version).isEqualTo(1);
        transactions.commit();

        transactions.begin();
        assertThat(queries.require(id).status).isEqualTo(DemandStatus.LISTED);
        transactions.commit();
    }

    @Test
    void a_key_erased_in_the_transaction_that_used_it_is_gone_for_the_rest_of_it() throws Exception {
        transactions.begin();
        String id = submission.submit(JIAFU, details(), null, RESIDENT, "wang-fang");
        String sealed = queries.require(id).sealedResident;
        assertThat(contacts.open(id, sealed)).contains(RESIDENT);
        assertThat(contacts.erase(id, "wang-fang")).isTrue();
        assertThat(contacts.open(id, sealed)).isEmpty();
        transactions.commit();

        transactions.begin();
        assertThat(contacts.open(id, sealed)).isEmpty();
        transactions.commit();
    }

    private static DemandDetails details() {
        LocalDate today = LocalDate.now();
        return new DemandDetails("嘉福盐业小区", "3栋", Category.LEGAL_ADVICE, "邻里纠纷，需要法律咨询", 2, Urgency.NORMAL,
                new TimeWindow(today.plusDays(3), today.plusDays(20)), null, new BigDecimal("2.5"), List.of("法律咨询"));
    }

    private long count(String sql, String id) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

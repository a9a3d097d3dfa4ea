package org.threelists.demand.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.domain.DemandCommands.AmendDemand;
import org.threelists.demand.domain.DemandCommands.WithdrawDemand;
import org.threelists.demand.domain.DemandDetails;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.domain.DemandTest;
import org.threelists.testing.RealInfrastructure;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request reads its demand's row before its command (a check of the caller's scope, of the state); the row is kept
 * for the transaction, so the projection applies the command's event to that copy instead of reading it again. When
 * another transaction changes the demand between the read and the command, the aggregate the command loads has that
 * change and the copy does not: applied to the copy, the event would write the other change away.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReadBeforeCommandTest {

    @Inject
    CommandGateway commands;
    @Inject
    DemandQueries demands;

    @Test
    void a_change_committed_between_a_requests_read_and_its_command_stays_in_the_row() {
        String demandId = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> commands.sendAndWait(Fixtures.submitDemand(demandId)));
        DemandDetails amended = new DemandDetails(DemandTest.DETAILS.compound(), DemandTest.DETAILS.building(),
                DemandTest.DETAILS.category(), "老旧小区产权证办理咨询（已与居民核实）", 15, DemandTest.DETAILS.urgency(),
                DemandTest.DETAILS.window(), DemandTest.DETAILS.deadline(), DemandTest.DETAILS.estimatedHours(),
                DemandTest.DETAILS.requiredSkills());

        QuarkusTransaction.requiringNew().run(() -> {
            DemandView read = demands.find(demandId).orElseThrow();
            assertThat(read.description).isEqualTo(DemandTest.DETAILS.description());
            // the community worker's correction commits while this request is between its read and its command
            QuarkusTransaction.requiringNew().run(() -> commands.sendAndWait(
                    new AmendDemand(demandId, amended, null, "community:wang-fang")));
            commands.sendAndWait(new WithdrawDemand(demandId, "居民已搬离", "community:li-ming"));
        });

        DemandView stored = Fixtures.stored(demandId);
        assertThat(stored.status).isEqualTo(DemandStatus.WITHDRAWN);
        assertThat(stored.description).isEqualTo(amended.description());
        assertThat(stored.beneficiaries).isEqualTo(15);
        assertThat(stored.version).isEqualTo(2);
    }
}

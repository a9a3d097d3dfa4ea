package org.threelists.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.MATCHMAKER;
import static org.threelists.localstack.LocalStack.RESOURCE_LIST;
import static org.threelists.system.Api.eventually;
import static org.threelists.system.DemoWorld.DESK;

/**
 * 红色众筹 across the processes: two units pledge shares of one published project until its need is covered; each
 * pledge reserves that unit's own capacity in resource-list, and a pledge beyond the need is refused.
 */
@Order(6) // junit-platform.properties: the shared system's classes first
class PledgeFlowTest {

    @Test
    void twoUnitsPledgeUntilTheNeedIsCoveredAndEachReservesItsOwnCapacity() {
        RunningSystem.stack();
        String saltCompany = DemoWorld.registerUnit("厦门盐业有限责任公司");
        String kindergarten = DemoWorld.registerUnit("嘉福花园幼儿园");
        String saltHours = DemoWorld.offerVolunteerHours(saltCompany, "SANITATION", 6);
        String kindergartenHours = DemoWorld.offerVolunteerHours(kindergarten, "SANITATION", 10);
        String demand = DemoWorld.listedDemand("SANITATION", "HIGH", 8, "楼道杂物清理、环境整治");

        String project = eventually("a proposal for the demand", () -> {
            Api.post(MATCHMAKER, DESK, "/plans/street", null, 200);
            return DemoWorld.proposalFor(demand);
        }, id -> id != null);
        JsonNode published = Api.post(MATCHMAKER, DESK, "/projects/" + project + "/publish",
                Map.of("mode", "PLEDGE", "note", "联席会：多方认捐"), 200).extract().as(JsonNode.class);
        assertThat(published.path("need").path("amount").decimalValue()).isEqualByComparingTo("8");

        Api.post(MATCHMAKER, DemoWorld.unitToken(saltCompany), "/projects/" + project + "/pledges",
                Map.of("resourceId", saltHours, "amount", 5), 202);
        // 5 pledged of 8: a second pledge of 4 would overshoot the need
        Api.post(MATCHMAKER, DemoWorld.unitToken(kindergarten), "/projects/" + project + "/pledges",
                Map.of("resourceId", kindergartenHours, "amount", 4), 409);
        Api.post(MATCHMAKER, DemoWorld.unitToken(kindergarten), "/projects/" + project + "/pledges",
                Map.of("resourceId", kindergartenHours, "amount", 3), 202);

        JsonNode claimed = eventually("the pledges confirmed", () -> ProjectFlowTest.project(project),
                p -> p.path("status").asText().equals("CLAIMED"));
        List<String> holders = claimed.findValuesAsText("unitId");
        assertThat(holders).contains(saltCompany, kindergarten);
        assertThat(ProjectFlowTest.remaining(saltHours, DemoWorld.unitToken(saltCompany))).isEqualByComparingTo("1");
        assertThat(ProjectFlowTest.remaining(kindergartenHours, DemoWorld.unitToken(kindergarten))).isEqualByComparingTo("7");
        assertThat(Api.get(RESOURCE_LIST, DemoWorld.unitToken(saltCompany),
                "/resources/" + saltHours + "/reservations/" + project).extract().<String>path("status")).isEqualTo("RESERVED");
        eventually("the demand matched", () -> DemoWorld.demandStatus(demand), "MATCHED"::equals);
    }
}

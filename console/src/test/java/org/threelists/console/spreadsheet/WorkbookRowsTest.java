package org.threelists.console.spreadsheet;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows are read by their header's names, dates as yyyy-mm-dd, blank rows skipped; a request is built from labels. */
class WorkbookRowsTest {

    @Test
    void readsCellsByTheirColumnNameWithDatesAsIsoDaysAndSkipsBlankRows() throws Exception {
        byte[] bytes = Workbooks.workbook().sheet("资源", List.of("资源名称", "能力数量", "有效期起", "服务社区"), List.of(
                List.of("法律咨询进社区", 20, LocalDate.of(2026, 12, 4), "联桥社区、丁字口社区"),
                Arrays.asList(null, null, null, null),
                List.of("场地", 2.5, LocalDate.of(2027, 1, 1), "lianqiao"))).bytes();

        try (WorkbookRows rows = WorkbookRows.read(bytes)) {
            List<SheetRow> read = rows.rows("资源");
            assertThat(read).extracting(SheetRow::number).containsExactly(2, 4);
            assertThat(read.get(0).text("资源名称")).isEqualTo("法律咨询进社区");
            assertThat(read.get(0).text("能力数量")).isEqualTo("20");
            assertThat(read.get(0).text("有效期起")).isEqualTo("2026-12-04");
            assertThat(read.get(0).list("服务社区")).containsExactly("联桥社区", "丁字口社区");
            assertThat(read.get(1).text("能力数量")).isEqualTo("2.5");
            assertThat(rows.rows("没有这张表")).isEmpty();
        }
    }

    @Test
    void refusesBytesThatAreNotAWorkbook() {
        assertThatThrownBy(() -> WorkbookRows.read("单位编号,单位名称".getBytes()))
                .isInstanceOf(UnreadableWorkbookException.class);
    }

    @Test
    void buildsTheRestRequestsWithCodesForTheLabelsPeopleWrite() throws Exception {
        byte[] bytes = Workbooks.workbook()
                .sheet("资源", Layout.OFFERS.columns(), List.of(List.of("unit-huli-court", "志愿服务", "法律咨询进社区",
                        "法律咨询、矛盾调解", "联桥社区, dingzikou", 20, "每月", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 6, 30),
                        "法律", "每周六上午")))
                .sheet("需求", Layout.DEMANDS.columns(), List.of(List.of("花花桥社区", "养老服务", "独居老人上门量血压", 1, "紧急",
                        2, "鼎鑫小区", "3栋", LocalDate.of(2026, 12, 20), "护理", "张大爷", "13800000000", "鼎鑫小区3栋101")))
                .bytes();
        RowRequests requests = new RowRequests(Codes.STANDARD);

        try (WorkbookRows rows = WorkbookRows.read(bytes)) {
            var offer = requests.offer(rows.rows("资源").get(0));
            assertThat(offer.toString()).isEqualTo("{\"unitId\":\"unit-huli-court\",\"type\":\"VOLUNTEER_SERVICE\","
                    + "\"title\":\"法律咨询进社区\",\"categories\":[\"LEGAL_ADVICE\",\"DISPUTE_MEDIATION\"],"
                    + "\"serviceArea\":[\"lianqiao\",\"dingzikou\"],\"capacity\":{\"amount\":20,\"period\":\"MONTHLY\"},"
                    + "\"validFrom\":\"2026-12-01\",\"validUntil\":\"2027-06-30\",\"skills\":[\"法律\"],\"description\":\"每周六上午\"}");
            var demand = requests.demand(rows.rows("需求").get(0));
            assertThat(demand.toString()).isEqualTo("{\"communityCode\":\"huahuaqiao\",\"category\":\"ELDER_CARE\","
                    + "\"description\":\"独居老人上门量血压\",\"beneficiaries\":1,\"urgency\":\"HIGH\",\"estimatedHours\":2,"
                    + "\"compound\":\"鼎鑫小区\",\"building\":\"3栋\",\"deadline\":\"2026-12-20\",\"requiredSkills\":[\"护理\"],"
                    + "\"resident\":{\"name\":\"张大爷\",\"phone\":\"13800000000\",\"address\":\"鼎鑫小区3栋101\"}}");
        }
    }

    @Test
    void aValueThatIsNeitherALabelNorANumberGoesAsWrittenForTheServiceToRefuse() throws Exception {
        byte[] bytes = Workbooks.workbook().sheet("共建单位", Layout.UNITS.columns(),
                List.of(List.of("unit-x1", "某单位", "合作社", "不存在的社区"))).bytes();
        try (WorkbookRows rows = WorkbookRows.read(bytes)) {
            var unit = new RowRequests(Codes.STANDARD).unit(rows.rows("共建单位").get(0));
            assertThat(unit.path("kind").asText()).isEqualTo("合作社");
            assertThat(unit.path("communities").get(0).asText()).isEqualTo("不存在的社区");
        }
    }
}

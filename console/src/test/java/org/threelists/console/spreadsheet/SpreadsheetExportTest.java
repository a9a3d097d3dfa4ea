package org.threelists.console.spreadsheet;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A CSV report of a service as .xlsx, fetched with the caller's token; and the templates the console offers. */
@QuarkusTest
@TestProfile(ServicesStandIn.class)
class SpreadsheetExportTest {

    @Test
    void answersTheCsvAsAWorkbookWithABoldHeaderAndNumbersAsNumericCells() throws Exception {
        byte[] bytes = given().header("Authorization", "Bearer desk.token.y")
                .queryParam("csv", "/api/ledger/ledger/reports?groupBy=unit&format=csv")
                .when().get("/console/export/xlsx")
                .then().statusCode(200).contentType(SpreadsheetResource.XLSX)
                .header("Content-Disposition", containsString("ledger-by-unit.xlsx"))
                .extract().asByteArray();

        assertThat(ServicesUpstream.lastAuthorization).isEqualTo("Bearer desk.token.y");
        try (XSSFWorkbook workbook = Workbooks.open(bytes)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("unit");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            Row court = sheet.getRow(1);
            assertThat(court.getCell(1).getStringCellValue()).isEqualTo("湖里区人民法院, 党支部");
            assertThat(court.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(court.getCell(2).getNumericCellValue()).isEqualTo(12.5);
            assertThat(court.getCell(3).getNumericCellValue()).isEqualTo(3);
            Row school = sheet.getRow(2);
            assertThat(school.getCell(2).getCellType()).as("a code with a leading zero stays text").isEqualTo(CellType.STRING);
            assertThat(school.getCell(3).getNumericCellValue()).isZero();
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void passesTheServicesRefusalOnAndRefusesAPathTheConsoleDoesNotRoute() {
        given().queryParam("csv", "/api/ledger/ledger/reports?format=csv")
                .when().get("/console/export/xlsx")
                .then().statusCode(401).body("type", equalTo("https://threelists.dev/problems/unauthenticated"));
        given().header("Authorization", "Bearer desk.token.y").queryParam("csv", "http://elsewhere.example/report.csv")
                .when().get("/console/export/xlsx")
                .then().statusCode(400).body("type", equalTo("https://threelists.dev/problems/invalid-input"));
    }

    @Test
    void offersTemplatesWhoseSheetsHaveTheColumnsTheImportReads() throws Exception {
        byte[] units = given().when().get("/console/templates/units-and-offers.xlsx")
                .then().statusCode(200).contentType(SpreadsheetResource.XLSX).extract().asByteArray();
        byte[] demands = given().when().get("/console/templates/demands.xlsx")
                .then().statusCode(200).extract().asByteArray();

        try (XSSFWorkbook workbook = Workbooks.open(units)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("共建单位");
            assertThat(workbook.getSheetName(1)).isEqualTo("资源");
            assertThat(workbook.getSheet("资源").getDataValidations()).isNotEmpty();
            assertThat(header(workbook.getSheet("共建单位"))).isEqualTo(Layout.UNITS.columns());
            assertThat(header(workbook.getSheet("资源"))).isEqualTo(Layout.OFFERS.columns());
        }
        try (XSSFWorkbook workbook = Workbooks.open(demands)) {
            assertThat(header(workbook.getSheet("需求"))).isEqualTo(Layout.DEMANDS.columns());
            assertThat(workbook.getSheet("填写说明").getRow(0).getCell(1).getStringCellValue()).contains("重复导入不会重复提交");
        }
    }

    private static java.util.List<String> header(Sheet sheet) {
        java.util.List<String> names = new java.util.ArrayList<>();
        sheet.getRow(0).forEach(cell -> names.add(cell.getStringCellValue()));
        return names;
    }
}

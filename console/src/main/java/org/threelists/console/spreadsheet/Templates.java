package org.threelists.console.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.threelists.contracts.CommunityDirectory;

/**
 * The .xlsx templates the console offers: the sheets of {@link Layout} with a bold header row, drop-downs where a
 * column takes one of a few labels, and a 填写说明 sheet with the rules and the communities' names.
 */
public final class Templates {

    private static final int FILLABLE_ROWS = 1000;

    private Templates() {
    }

    public static byte[] unitsAndOffers() {
        return workbook(List.of(Layout.UNITS, Layout.OFFERS));
    }

    public static byte[] demands() {
        return workbook(List.of(Layout.DEMANDS));
    }

    private static byte[] workbook(List<Layout> layouts) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = Styles.bold(workbook);
            Map<String, List<String>> choices = Codes.STANDARD.choices();
            for (Layout layout : layouts) {
                Sheet sheet = workbook.createSheet(layout.sheet());
                Row header = sheet.createRow(0);
                for (int c = 0; c < layout.columns().size(); c++) {
                    String column = layout.columns().get(c);
                    header.createCell(c).setCellValue(column);
                    header.getCell(c).setCellStyle(bold);
                    sheet.setColumnWidth(c, 18 * 256);
                    if (choices.containsKey(column)) {
                        dropDown(sheet, c, choices.get(column));
                    }
                }
                sheet.createFreezePane(0, 1);
            }
            guide(workbook, layouts, bold);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropDown(Sheet sheet, int column, List<String> labels) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(labels.toArray(String[]::new)),
                new CellRangeAddressList(1, FILLABLE_ROWS, column, column));
        validation.setShowErrorBox(false);
        sheet.addValidationData(validation);
    }

    private static void guide(XSSFWorkbook workbook, List<Layout> layouts, CellStyle bold) {
        Sheet guide = workbook.createSheet("填写说明");
        guide.setColumnWidth(0, 16 * 256);
        guide.setColumnWidth(1, 90 * 256);
        int r = 0;
        for (Layout layout : layouts) {
            Row row = guide.createRow(r++);
            row.createCell(0).setCellValue(layout.sheet());
            row.getCell(0).setCellStyle(bold);
            row.createCell(1).setCellValue(layout.guide());
        }
        r++;
        Row title = guide.createRow(r++);
        title.createCell(0).setCellValue("社区名称");
        title.getCell(0).setCellStyle(bold);
        title.createCell(1).setCellValue("社区可填名称或编号");
        for (CommunityDirectory.Community community : CommunityDirectory.standard().all()) {
            Row row = guide.createRow(r++);
            row.createCell(0).setCellValue(community.name());
            row.createCell(1).setCellValue(community.streetName() + " · 编号 " + community.code());
        }
    }

    static final class Styles {
        private Styles() {
        }

        static CellStyle bold(XSSFWorkbook workbook) {
            Font font = workbook.createFont();
            font.setBold(true);
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            return style;
        }
    }
}

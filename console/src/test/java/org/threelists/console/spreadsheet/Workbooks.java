package org.threelists.console.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks as a person fills them, written with POI: numbers as numbers, dates as dates. */
final class Workbooks {

    private Workbooks() {
    }

    static Builder workbook() {
        return new Builder();
    }

    static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static final class Builder {
        private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

        Builder sheet(String name, List<String> header, List<List<Object>> rows) {
            List<List<Object>> all = new java.util.ArrayList<>();
            all.add(List.copyOf(header));
            all.addAll(rows);
            sheets.put(name, all);
            return this;
        }

        byte[] bytes() throws IOException {
            try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                CellStyle date = workbook.createCellStyle();
                date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
                sheets.forEach((name, rows) -> {
                    Sheet sheet = workbook.createSheet(name);
                    for (int r = 0; r < rows.size(); r++) {
                        Row row = sheet.createRow(r);
                        for (int c = 0; c < rows.get(r).size(); c++) {
                            Object value = rows.get(r).get(c);
                            Cell cell = row.createCell(c);
                            if (value instanceof Number number) {
                                cell.setCellValue(number.doubleValue());
                            } else if (value instanceof LocalDate day) {
                                cell.setCellValue(day);
                                cell.setCellStyle(date);
                            } else if (value != null) {
                                cell.setCellValue(value.toString());
                            }
                        }
                    }
                });
                workbook.write(out);
                return out.toByteArray();
            }
        }
    }
}

package org.threelists.console.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a workbook's sheets as rows of named cells: the first row names the columns, so a person may reorder them or
 * add their own. A cell reads as it shows, except dates, which read as yyyy-mm-dd whatever their display format.
 */
public final class WorkbookRows implements AutoCloseable {

    private final Workbook workbook;
    private final DataFormatter formatter = new DataFormatter();
    private final FormulaEvaluator evaluator;

    private WorkbookRows(Workbook workbook) {
        this.workbook = workbook;
        this.evaluator = workbook.getCreationHelper().createFormulaEvaluator();
    }

    /** Refused with {@link UnreadableWorkbookException} when the bytes are not a workbook. */
    public static WorkbookRows read(byte[] bytes) {
        try {
            return new WorkbookRows(WorkbookFactory.create(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableWorkbookException(e);
        }
    }

    /** The filled rows of the sheet named so; none when the workbook has no such sheet. */
    public List<SheetRow> rows(String sheetName) {
        Sheet sheet = workbook.getSheet(sheetName);
        List<SheetRow> rows = new ArrayList<>();
        if (sheet == null || sheet.getPhysicalNumberOfRows() == 0) {
            return rows;
        }
        Row header = sheet.getRow(sheet.getFirstRowNum());
        Map<Integer, String> columns = new LinkedHashMap<>();
        for (Cell cell : header) {
            String name = text(cell);
            if (!name.isBlank()) {
                columns.put(cell.getColumnIndex(), name.trim());
            }
        }
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            columns.forEach((index, name) -> {
                Cell cell = row.getCell(index);
                String value = cell == null ? "" : text(cell);
                if (!value.isBlank()) {
                    cells.put(name, value);
                }
            });
            if (!cells.isEmpty()) {
                rows.add(new SheetRow(sheetName, r + 1, Map.copyOf(cells)));
            }
        }
        return rows;
    }

    private String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? evaluator.evaluateFormulaCell(cell) : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        return formatter.formatCellValue(cell, evaluator);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}

package org.threelists.console.spreadsheet;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A CSV report (RFC 4180, as the ledger writes it) as an .xlsx workbook: the first row is the header, in bold; a
 * value that is a plain decimal number becomes a numeric cell, so Excel sums hours without a conversion.
 */
public final class CsvWorkbook {

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,14})([.][0-9]+)?");
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private CsvWorkbook() {
    }

    public static byte[] of(byte[] csv, String sheetName) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream();
                MappingIterator<String[]> lines = CSV.readerFor(String[].class).readValues(text)) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = Templates.Styles.bold(workbook);
            int r = 0;
            int widest = 0;
            for (String[] values : (List<String[]>) lines.readAll()) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < values.length; c++) {
                    String value = values[c];
                    if (r > 0 && NUMBER.matcher(value).matches()) {
                        row.createCell(c).setCellValue(Double.parseDouble(value));
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                    if (r == 0) {
                        row.getCell(c).setCellStyle(bold);
                    }
                }
                widest = Math.max(widest, values.length);
                r++;
            }
            for (int c = 0; c < widest; c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            if (r > 0) {
                sheet.createFreezePane(0, 1);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

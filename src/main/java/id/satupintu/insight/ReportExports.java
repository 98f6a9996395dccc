package id.satupintu.insight;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A mall report as a file: CSV (one file, the sections one after another), XLSX (a sheet per section) or PDF (A4
 * landscape, a table per section). All three are written from the same tables, with headings in the reader's
 * language; a figure that cannot be computed is "—".
 */
@Component
class ReportExports {

    static final String NONE = "—";

    enum Format {
        CSV("text/csv; charset=UTF-8"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        PDF("application/pdf");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One section of the report: a title, the column headings and the rows. */
    record Table(String title, List<String> header, List<List<Object>> rows) {
    }

    private final MessageSource messages;

    ReportExports(MessageSource messages) {
        this.messages = messages;
    }

    static String fileName(MallReport report, Format format) {
        return "laporan-" + report.mallCode().replace(".", "") + "-" + report.from() + "-" + report.to() + "."
                + format.extension();
    }

    byte[] write(MallReport report, Format format, Locale locale) {
        List<Table> tables = tables(report, locale);
        String title = text("insight.export.title", locale, report.mallName(), report.from(), report.to(),
                text("zone." + report.timeZone(), locale));
        try {
            return switch (format) {
                case CSV -> csv(title, tables);
                case XLSX -> xlsx(title, tables);
                case PDF -> pdf(title, tables);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Table> tables(MallReport r, Locale locale) {
        List<Table> tables = new ArrayList<>();
        MallReport.Figures t = r.totals();
        List<List<Object>> summary = new ArrayList<>();
        summary.add(List.of(text("insight.visitors", locale), t.visitors()));
        summary.add(List.of(text("insight.served", locale), t.served()));
        summary.add(List.of(text("insight.noShows", locale), t.noShows()));
        summary.add(row(text("insight.noShowRate", locale), percent(t.noShowRate())));
        summary.add(row(text("insight.waitAverage", locale), t.waitAverage()));
        summary.add(row(text("insight.waitP50", locale), t.waitP50()));
        summary.add(row(text("insight.waitP90", locale), t.waitP90()));
        summary.add(row(text("insight.serviceP50", locale), t.serviceP50()));
        summary.add(row(text("insight.serviceP90", locale), t.serviceP90()));
        summary.add(List.of(text("insight.channel.walkIn", locale), r.channels().walkIn()));
        summary.add(List.of(text("insight.channel.booking", locale), r.channels().booking()));
        summary.add(List.of(text("insight.channel.online", locale), r.channels().online()));
        summary.add(List.of(text("insight.bookings.booked", locale), r.bookings().booked()));
        summary.add(row(text("insight.bookings.noShowRate", locale), percent(r.bookings().noShowRate())));
        summary.add(List.of(text("insight.applications.finished", locale), r.applications().finished()));
        summary.add(row(text("insight.applications.slaRate", locale), percent(r.applications().slaRate())));
        summary.add(row(text("insight.ikm", locale), r.feedback().ikm()));
        summary.add(row(text("insight.complaints", locale), r.feedback().complaints()));
        tables.add(new Table(text("insight.summary", locale),
                List.of(text("insight.measure", locale), text("insight.value", locale)), summary));

        DateTimeFormatter date = DateTimeFormatter.ISO_LOCAL_DATE;
        tables.add(new Table(text("insight.series." + r.granularity().name().toLowerCase(Locale.ROOT), locale),
                List.of(text("insight.periodStart", locale), text("insight.visitors", locale),
                        text("insight.served", locale), text("insight.noShows", locale),
                        text("insight.waitAverage", locale)),
                r.series().stream().map(p -> row(date.format(p.start()), p.visitors(), p.served(), p.noShows(),
                        p.waitAverage())).toList()));
        tables.add(new Table(text("insight.byAgency", locale), rowHeader(locale, false),
                r.byAgency().stream().map(a -> figuresRow(a, false)).toList()));
        tables.add(new Table(text("insight.byService", locale), rowHeader(locale, true),
                r.byService().stream().map(s -> figuresRow(s, true)).toList()));
        List<List<Object>> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (r.arrivalsByHour()[h] > 0) {
                hours.add(List.of("%02d:00".formatted(h), r.arrivalsByHour()[h]));
            }
        }
        tables.add(new Table(text("insight.byHour", locale),
                List.of(text("insight.hour", locale), text("insight.arrivals", locale)), hours));
        return tables;
    }

    private List<String> rowHeader(Locale locale, boolean withAgency) {
        List<String> header = new ArrayList<>();
        header.add(text(withAgency ? "insight.service" : "insight.agency", locale));
        if (withAgency) {
            header.add(text("insight.agency", locale));
        }
        for (String key : List.of("visitors", "served", "noShowRate", "waitP50", "waitP90", "serviceP50",
                "serviceP90", "online")) {
            header.add(text("insight." + key, locale));
        }
        return header;
    }

    private static List<Object> figuresRow(MallReport.Row r, boolean withAgency) {
        List<Object> row = new ArrayList<>();
        row.add(r.name());
        if (withAgency) {
            row.add(r.agency());
        }
        MallReport.Figures f = r.figures();
        row.add(f.visitors());
        row.add(f.served());
        row.add(percent(f.noShowRate()));
        row.add(f.waitP50());
        row.add(f.waitP90());
        row.add(f.serviceP50());
        row.add(f.serviceP90());
        row.add(r.online());
        return row;
    }

    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell);
        }
        return row;
    }

    static Double percent(Double fraction) {
        return fraction == null ? null : Math.round(fraction * 1000) / 10.0;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    static String cell(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) ? Long.toString(d.longValue()) : Double.toString(d);
        }
        return value.toString();
    }

    // ---- CSV

    private static byte[] csv(String title, List<Table> tables) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // so spreadsheets read UTF-8
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT)) {
            csv.printRecord(title);
            for (Table table : tables) {
                csv.println();
                csv.printRecord(table.title());
                csv.printRecord(table.header());
                for (List<Object> row : table.rows()) {
                    csv.printRecord(row.stream().map(ReportExports::cell).toList());
                }
            }
        }
        return out.toByteArray();
    }

    // ---- XLSX

    private static byte[] xlsx(String title, List<Table> tables) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Table table : tables) {
                Sheet sheet = book.createSheet(safeSheetName(table.title()));
                sheet.createRow(0).createCell(0).setCellValue(title);
                Row header = sheet.createRow(2);
                for (int c = 0; c < table.header().size(); c++) {
                    header.createCell(c).setCellValue(table.header().get(c));
                    header.getCell(c).setCellStyle(bold);
                }
                int r = 3;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object value = values.get(c);
                        if (value instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else {
                            row.createCell(c).setCellValue(cell(value));
                        }
                    }
                }
                for (int c = 0; c < table.header().size(); c++) {
                    sheet.setColumnWidth(c, c == 0 ? 12_000 : 4_500);
                }
                sheet.createFreezePane(0, 3);
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static String safeSheetName(String title) {
        String name = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    // ---- PDF

    private static final float MARGIN = 36;
    private static final float LINE = 12;

    private static byte[] pdf(String title, List<Table> tables) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Pages pages = new Pages(document);
            pages.text(title, pages.bold, 14, MARGIN);
            pages.y -= 8;
            for (Table table : tables) {
                pages.space(LINE * 4);
                pages.y -= 10;
                pages.text(table.title(), pages.bold, 11, MARGIN);
                float[] widths = widths(table);
                pages.row(table.header(), widths, pages.bold);
                for (List<Object> row : table.rows()) {
                    pages.row(row.stream().map(ReportExports::cell).toList(), widths, pages.regular);
                }
            }
            pages.close();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The first column takes what the others leave; numbers get narrow columns. */
    private static float[] widths(Table table) {
        float usable = PDRectangle.A4.getHeight() - 2 * MARGIN;
        int columns = table.header().size();
        float[] widths = new float[columns];
        float rest = columns == 1 ? usable : Math.min(columns <= 5 ? 110 : 62, (usable * 0.6f) / (columns - 1));
        boolean agencyColumn = columns == 10;
        for (int c = 1; c < columns; c++) {
            widths[c] = agencyColumn && c == 1 ? 150 : rest;
        }
        float used = 0;
        for (int c = 1; c < columns; c++) {
            used += widths[c];
        }
        widths[0] = Math.min(usable - used, 260);
        return widths;
    }

    /** Writes lines down A4 landscape pages, starting a new page when one is full. */
    private static final class Pages {
        final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final PDDocument document;
        private PDPageContentStream stream;
        float y;

        Pages(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void space(float needed) throws IOException {
            if (y - needed < MARGIN) {
                newPage();
            }
        }

        void text(String text, PDFont font, float size, float x) throws IOException {
            space(size + 4);
            y -= size + 4;
            stream.beginText();
            stream.setFont(font, size);
            stream.setNonStrokingColor(Color.BLACK);
            stream.newLineAtOffset(x, y);
            stream.showText(clean(text, font, size, Float.MAX_VALUE));
            stream.endText();
        }

        void row(List<String> cells, float[] widths, PDFont font) throws IOException {
            space(LINE);
            y -= LINE;
            float x = MARGIN;
            stream.setFont(font, 8);
            for (int c = 0; c < cells.size() && c < widths.length; c++) {
                stream.beginText();
                stream.newLineAtOffset(x, y);
                stream.showText(clean(cells.get(c), font, 8, widths[c] - 4));
                stream.endText();
                x += widths[c];
            }
            stream.setStrokingColor(new Color(0xD5, 0xDB, 0xE1));
            stream.moveTo(MARGIN, y - 3);
            stream.lineTo(x, y - 3);
            stream.stroke();
        }

        void close() throws IOException {
            stream.close();
        }

        /** Text the standard font can show (accents dropped where WinAnsi lacks them), cut to the width. */
        private static String clean(String text, PDFont font, float size, float maxWidth) throws IOException {
            StringBuilder shown = new StringBuilder();
            for (char c : text.toCharArray()) {
                String one = String.valueOf(c);
                try {
                    font.encode(one);
                } catch (IllegalArgumentException e) {
                    one = Normalizer.normalize(one, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                    try {
                        font.encode(one);
                    } catch (IllegalArgumentException again) {
                        one = "?";
                    }
                }
                shown.append(one);
            }
            String result = shown.toString();
            while (!result.isEmpty() && font.getStringWidth(result) / 1000 * size > maxWidth) {
                result = result.substring(0, result.length() - 1);
            }
            return result;
        }
    }
}

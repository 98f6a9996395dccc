package id.satupintu.survey;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The IKM report as files a manager submits: CSV for spreadsheets (numbers with a decimal point) and an A4 PDF with
 * the mall and period at the top, the table of elements, the index, its grade, the respondents and whether the sample
 * was large enough. Both are built from the same lines, in the reader's language.
 */
@Component
class IkmReportFiles {

    private final MessageSource messages;
    private final Clock clock;

    IkmReportFiles(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** A labelled fact of the report, such as the period. */
    private record Fact(String label, String value) {
    }

    String fileName(IkmReports.Report report, String extension) {
        return "ikm-" + report.unit().mall().code() + "-" + report.from() + "-" + report.to() + "." + extension;
    }

    byte[] csv(IkmReports.Report report, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            for (Fact fact : heading(report, locale)) {
                csv.printRecord(fact.label(), fact.value());
            }
            csv.println();
            for (List<String> row : table(report, locale, Locale.ROOT)) {
                csv.printRecord(row);
            }
            csv.println();
            for (Fact fact : summary(report, locale, Locale.ROOT)) {
                csv.printRecord(fact.label(), fact.value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float[] COLUMNS = {0.09f, 0.45f, 0.13f, 0.11f, 0.11f, 0.11f};
    private static final Color BRAND = new Color(0x0b, 0x53, 0x94);
    private static final Color MUTED = new Color(0x56, 0x60, 0x6b);
    private static final Color SHADE = new Color(0xee, 0xf2, 0xf6);

    byte[] pdf(IkmReports.Report report, Locale locale) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            List<Fact> heading = heading(report, locale);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                Page p = new Page(stream, regular, bold);
                p.text(text("survey.report.title", locale), bold, 15, BRAND, MARGIN);
                p.down(6);
                p.text(report.unit().mall().name(), bold, 12, Color.BLACK, MARGIN);
                p.down(4);
                for (Fact fact : heading.subList(1, 4)) {
                    p.text(fact.label() + ": " + fact.value(), regular, 10, Color.BLACK, MARGIN);
                }
                p.down(12);
                List<List<String>> rows = table(report, locale, locale);
                for (int i = 0; i < rows.size(); i++) {
                    p.row(rows.get(i), i == 0, i > 0 && report.isWeak(report.ikm().elements().get(i - 1)));
                }
                p.down(14);
                for (Fact fact : summary(report, locale, locale)) {
                    p.fact(fact.label(), fact.value());
                }
                p.down(10);
                for (String line : p.wrap(text("survey.report.method", locale), regular, 8.5f, WIDTH)) {
                    p.text(line, regular, 8.5f, MUTED, MARGIN);
                }
                p.down(28);
                float signature = MARGIN + WIDTH * 0.6f;
                p.text(text("survey.report.acknowledged", locale), regular, 10, Color.BLACK, signature);
                p.text(text("survey.report.signer", locale), regular, 10, Color.BLACK, signature);
                p.down(42);
                p.text("(" + "_".repeat(28) + ")", regular, 10, Color.BLACK, signature);
                p.y = MARGIN;
                Fact generated = heading.getLast();
                p.text(generated.label() + ": " + generated.value(), regular, 8, MUTED, MARGIN);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes down the page line by line. */
    private static final class Page {

        private final PDPageContentStream stream;
        private final PDFont regular;
        private final PDFont bold;
        private float y = PAGE.getHeight() - MARGIN;

        Page(PDPageContentStream stream, PDFont regular, PDFont bold) {
            this.stream = stream;
            this.regular = regular;
            this.bold = bold;
        }

        void down(float points) {
            y -= points;
        }

        void text(String text, PDFont font, float size, Color color, float x) throws IOException {
            y -= size * 1.35f;
            put(text, font, size, color, x, y);
        }

        /** A row of the elements table; the header row and the weakest elements stand out. */
        void row(List<String> cells, boolean header, boolean weak) throws IOException {
            float height = 17;
            y -= height;
            if (header || weak) {
                stream.setNonStrokingColor(header ? SHADE : new Color(0xff, 0xf1, 0xd6));
                stream.addRect(MARGIN, y, WIDTH, height);
                stream.fill();
            }
            stream.setStrokingColor(new Color(0xd5, 0xdb, 0xe1));
            stream.setLineWidth(0.6f);
            stream.addRect(MARGIN, y, WIDTH, height);
            stream.stroke();
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                float width = COLUMNS[i] * WIDTH;
                String cell = fit(cells.get(i), header ? bold : regular, 9, width - 8);
                put(cell, header ? bold : regular, 9, Color.BLACK, x + 4, y + 5.5f);
                x += width;
            }
        }

        void fact(String label, String value) throws IOException {
            y -= 14;
            put(label, bold, 10, Color.BLACK, MARGIN, y);
            for (String line : wrap(value, regular, 10, WIDTH * 0.58f)) {
                put(line, regular, 10, Color.BLACK, MARGIN + WIDTH * 0.42f, y);
                y -= 13;
            }
            y += 13;
        }

        private void put(String text, PDFont font, float size, Color color, float x, float baseline)
                throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.setNonStrokingColor(color);
            stream.newLineAtOffset(x, baseline);
            stream.showText(latin(text));
            stream.endText();
        }

        private String fit(String text, PDFont font, float size, float width) throws IOException {
            String shown = latin(text);
            while (shown.length() > 1 && font.getStringWidth(shown) / 1000 * size > width) {
                shown = shown.substring(0, shown.length() - 2) + "…";
            }
            return shown;
        }

        List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : latin(text).split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        /** The standard fonts show Latin-1 (WinAnsi): accents are dropped and anything else becomes '?'. */
        private static String latin(String text) {
            String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
            StringBuilder out = new StringBuilder(plain.length());
            plain.chars().forEach(c -> out.append(c < 256 || c == '…' || c == '–' ? (char) c : '?'));
            return out.toString();
        }
    }

    // ---- the content, shared by both files

    /** Mall, unit, period, how the questionnaires came in, and (last) when the report was made. */
    private List<Fact> heading(IkmReports.Report report, Locale locale) {
        IkmReports.Unit unit = report.unit();
        String unitName = unit.service() != null ? unit.service().name().in(locale)
                : unit.agency() != null ? unit.agency().name().in(locale) : text("survey.allServices", locale);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        String sources = report.sources().entrySet().stream()
                .map(e -> text("survey.source." + e.getKey(), locale) + " (" + e.getValue() + ")")
                .reduce((a, b) -> a + ", " + b).orElse("-");
        return List.of(new Fact(text("survey.report.mall", locale), unit.mall().name()),
                new Fact(text("survey.report.unit", locale), unitName),
                new Fact(text("survey.report.period", locale),
                        day.format(report.from()) + " - " + day.format(report.to())),
                new Fact(text("survey.report.sources", locale), sources),
                new Fact(text("survey.report.generated", locale), day.format(LocalDate.now(clock.withZone(unit.mall().timeZone())))));
    }

    private List<List<String>> table(IkmReports.Report report, Locale locale, Locale numbers) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(text("survey.col.code", locale), text("survey.col.element", locale),
                text("survey.col.respondents", locale), text("survey.col.nrr", locale),
                text("survey.col.ikm", locale), text("survey.col.grade", locale)));
        for (Ikm.ElementScore e : report.ikm().elements()) {
            rows.add(List.of(e.code(), e.element().name().in(locale), Long.toString(e.answered()),
                    decimal(e.nrr(), numbers), decimal(e.ikm(), numbers), e.grade() == null ? "-" : e.grade().name()));
        }
        return rows;
    }

    private List<Fact> summary(IkmReports.Report report, Locale locale, Locale numbers) {
        Ikm ikm = report.ikm();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(text("survey.respondents", locale), Long.toString(ikm.respondents())));
        facts.add(new Fact(text("survey.nrrAverage", locale), decimal(ikm.nrrAverage(), numbers)));
        facts.add(new Fact(text("survey.ikm", locale), decimal(ikm.ikm(), numbers)));
        facts.add(new Fact(text("survey.grade", locale), ikm.grade() == null ? "-"
                : ikm.grade().name() + " (" + text("survey.grade." + ikm.grade(), locale) + ")"));
        facts.add(new Fact(text("survey.population", locale), Long.toString(report.population())));
        facts.add(new Fact(text("survey.minimumSample", locale), Long.toString(report.minimumSample())));
        facts.add(new Fact(text("survey.sample", locale),
                text(report.sampleReached() ? "survey.sample.reached" : "survey.sample.notReached", locale)));
        facts.add(new Fact(text("survey.weakest", locale), String.join(", ",
                report.weakest().stream().map(e -> e.code() + " " + e.element().name().in(locale)).toList())));
        if (!ikm.complete()) {
            facts.add(new Fact(text("survey.incomplete.label", locale), String.join(", ", ikm.unanswered())));
        }
        return facts;
    }

    private static String decimal(BigDecimal value, Locale locale) {
        if (value == null) {
            return "-";
        }
        if (Locale.ROOT.equals(locale)) {
            return value.toPlainString();
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(value.scale());
        format.setMaximumFractionDigits(value.scale());
        return format.format(value);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}

package id.satupintu.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import id.satupintu.shared.QrCodes;
import id.satupintu.shared.web.DateTexts;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Lays out an output document on A4: the issuing mall, title and number, the decision, a table of the application's
 * facts, and a QR code with the address of the public verification page. Uses the standard Helvetica fonts, so
 * nothing is embedded; their WinAnsi encoding covers Indonesian and the Latin names of most applicants.
 */
@Component
class OutputDocumentPdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 24;
    private static final float LABEL_WIDTH = 150;
    private static final float CELL_PADDING = 5;
    private static final float QR_SIZE = 100;
    private static final Color BRAND = new Color(11, 83, 148);
    private static final Color MUTED = new Color(86, 96, 107);
    private static final Color LINE = new Color(200, 206, 212);
    private static final Color INK = new Color(27, 31, 36);
    private static final Color LABEL_BACKGROUND = new Color(240, 244, 248);

    private final MessageSource messages;
    private final DateTexts dates;

    OutputDocumentPdf(MessageSource messages, DateTexts dates) {
        this.messages = messages;
        this.dates = dates;
    }

    byte[] render(OutputDocumentContent content, DocumentId id, Instant issuedAt, String verificationUrl) {
        Locale locale = content.locale();
        try (PDDocument document = new PDDocument()) {
            Writer writer = new Writer(document);
            writer.line(content.issuerName(), writer.bold, 15, BRAND, false);
            writer.line(message("document.pdf.subtitle", locale), writer.regular, 9, MUTED, false);
            writer.rule(BRAND, 1.5f);
            writer.space(22);
            writer.paragraph(content.title(), writer.bold, 18, INK, true);
            writer.line(message("document.pdf.number", locale, content.referenceNumber()), writer.regular, 11,
                    INK, true);
            writer.space(20);

            writer.line(message("document.pdf.decision", locale), writer.bold, 11, BRAND, false);
            writer.space(3);
            for (String paragraph : content.decision().strip().split("\\R+")) {
                writer.paragraph(paragraph, writer.regular, 11, INK, false);
                writer.space(5);
            }
            writer.space(12);

            writer.table(message("document.pdf.details", locale), List.of(
                    new Fact(message("document.pdf.applicant", locale), content.applicantName()),
                    new Fact(message("document.pdf.nik", locale), orDash(content.applicantNikMasked())),
                    new Fact(message("document.pdf.service", locale), content.serviceName()),
                    new Fact(message("document.pdf.agency", locale), content.agencyName()),
                    new Fact(message("document.pdf.submittedAt", locale),
                            dateTime(content.submittedAt(), content, locale)),
                    new Fact(message("document.pdf.decidedAt", locale),
                            dateTime(content.decidedAt(), content, locale)),
                    new Fact(message("document.pdf.issuedAt", locale), dateTime(issuedAt, content, locale)),
                    new Fact(message("document.pdf.officer", locale), orDash(content.officerName()))));
            writer.space(24);

            writer.verification(QrCodes.png(verificationUrl, 8), verificationUrl,
                    message("document.pdf.verify.heading", locale), message("document.pdf.verify.how", locale));
            writer.finish((page, pages) -> message("document.pdf.footer", locale, content.issuerName(),
                    id.toString(), page, pages));

            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(content.title() + " " + content.referenceNumber());
            info.setAuthor(content.issuerName());
            info.setSubject(content.serviceName());
            info.setCreator("SatuPintu");
            info.setCreationDate(GregorianCalendar.from(issuedAt.atZone(content.zone())));
            document.getDocumentCatalog().setLanguage(locale.getLanguage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lay out the document", e);
        }
    }

    private String dateTime(Instant instant, OutputDocumentContent content, Locale locale) {
        return dates.dateTime(ZonedDateTime.ofInstant(instant, content.zone()), locale);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** A row of the facts table. */
    private record Fact(String label, String value) {
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    /** Writes top to bottom, starting a new page where the next piece does not fit. */
    private static final class Writer {

        final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void line(String text, PDFont font, float size, Color color, boolean centred) throws IOException {
            ensure(size * 1.4f);
            String clean = clean(text);
            float x = centred ? MARGIN + (WIDTH - width(clean, font, size)) / 2 : MARGIN;
            y -= size * 1.4f;
            show(clean, font, size, color, x, y + size * 0.35f);
        }

        void paragraph(String text, PDFont font, float size, Color color, boolean centred) throws IOException {
            for (String line : wrap(clean(text), font, size, WIDTH)) {
                line(line, font, size, color, centred);
            }
        }

        void space(float points) {
            y -= points;
        }

        void rule(Color color, float thickness) throws IOException {
            y -= 6;
            stream.setStrokingColor(color);
            stream.setLineWidth(thickness);
            stream.moveTo(MARGIN, y);
            stream.lineTo(MARGIN + WIDTH, y);
            stream.stroke();
        }

        /** A heading and a table of label and value rows, kept on one page when it fits on one. */
        void table(String heading, List<Fact> rows) throws IOException {
            float height = 11 * 1.4f + 5;
            for (Fact row : rows) {
                height += rowHeight(labelLines(row.label()), valueLines(row.value()));
            }
            if (height <= TOP - BOTTOM) {
                ensure(height);
            }
            line(heading, bold, 11, BRAND, false);
            space(5);
            for (Fact row : rows) {
                row(row.label(), row.value());
            }
        }

        private static final float ROW_FONT = 10;
        private static final float ROW_LEADING = ROW_FONT * 1.35f;

        private List<String> labelLines(String label) throws IOException {
            return wrap(clean(label), bold, ROW_FONT, LABEL_WIDTH - 2 * CELL_PADDING);
        }

        private List<String> valueLines(String value) throws IOException {
            return wrap(clean(value), regular, ROW_FONT, WIDTH - LABEL_WIDTH - 2 * CELL_PADDING);
        }

        private static float rowHeight(List<String> labels, List<String> values) {
            return Math.max(labels.size(), values.size()) * ROW_LEADING + 2 * CELL_PADDING;
        }

        /** One row of the table: the label on the left, the value wrapped on the right, both framed. */
        private void row(String label, String value) throws IOException {
            List<String> labels = labelLines(label);
            List<String> values = valueLines(value);
            float height = rowHeight(labels, values);
            ensure(height);
            float top = y;
            stream.setNonStrokingColor(LABEL_BACKGROUND);
            stream.addRect(MARGIN, top - height, LABEL_WIDTH, height);
            stream.fill();
            stream.setStrokingColor(LINE);
            stream.setLineWidth(0.75f);
            stream.addRect(MARGIN, top - height, WIDTH, height);
            stream.moveTo(MARGIN + LABEL_WIDTH, top);
            stream.lineTo(MARGIN + LABEL_WIDTH, top - height);
            stream.stroke();
            for (int i = 0; i < labels.size(); i++) {
                show(labels.get(i), bold, ROW_FONT, INK, MARGIN + CELL_PADDING, baseline(top, i));
            }
            for (int i = 0; i < values.size(); i++) {
                show(values.get(i), regular, ROW_FONT, INK, MARGIN + LABEL_WIDTH + CELL_PADDING, baseline(top, i));
            }
            y = top - height;
        }

        private static float baseline(float rowTop, int line) {
            return rowTop - CELL_PADDING - (line + 1) * ROW_LEADING + ROW_FONT * 0.3f;
        }

        /** The QR code with the address printed under it, and beside it how to check the document. */
        void verification(byte[] qrPng, String url, String heading, String how) throws IOException {
            float textX = MARGIN + QR_SIZE + 16;
            float textWidth = WIDTH - QR_SIZE - 16;
            List<String> howLines = wrap(clean(how), regular, 9.5f, textWidth);
            List<String> urlLines = wrap(clean(url), regular, 8.5f, WIDTH);
            ensure(QR_SIZE + 8 + urlLines.size() * 11);
            float top = y;
            PDImageXObject qr = PDImageXObject.createFromByteArray(document, qrPng, "verification-qr.png");
            stream.drawImage(qr, MARGIN, top - QR_SIZE, QR_SIZE, QR_SIZE);
            show(clean(heading), bold, 11, BRAND, textX, top - 20);
            for (int i = 0; i < howLines.size(); i++) {
                show(howLines.get(i), regular, 9.5f, INK, textX, top - 38 - i * 13);
            }
            for (int i = 0; i < urlLines.size(); i++) {
                show(urlLines.get(i), regular, 8.5f, BRAND, MARGIN, top - QR_SIZE - 10 - i * 11);
            }
            y = top - QR_SIZE - 10 - urlLines.size() * 11;
        }

        /** Closes the last page and writes the footer, with "page n of m", on every page. */
        void finish(BiFunction<Integer, Integer, String> footer) throws IOException {
            stream.close();
            int count = document.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream append = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    stream = append;
                    String text = clean(footer.apply(i + 1, count));
                    List<String> lines = wrap(text, regular, 7.5f, WIDTH);
                    for (int l = 0; l < lines.size(); l++) {
                        show(lines.get(l), regular, 7.5f, MUTED, MARGIN, MARGIN - l * 9.5f);
                    }
                }
            }
            stream = null;
        }

        private void ensure(float height) throws IOException {
            if (y - height < BOTTOM) {
                stream.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = TOP;
        }

        private void show(String text, PDFont font, float size, Color color, float x, float baseline)
                throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.setNonStrokingColor(color);
            stream.newLineAtOffset(x, baseline);
            stream.showText(text);
            stream.endText();
        }

        /**
         * The text in characters the fonts can show: one that WinAnsi lacks becomes its letter without accents
         * (ā to a, ễ to e) or else a question mark, so that no name or decision makes the document fail.
         */
        private String clean(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    out.append(' ');
                } else if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT) {
                    return;
                } else if (canShow(Character.toString(c))) {
                    out.appendCodePoint(c);
                } else {
                    String plain = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKD)
                            .replaceAll("\\p{M}", "");
                    out.append(!plain.isEmpty() && canShow(plain) ? plain : "?");
                }
            });
            return out.toString();
        }

        private boolean canShow(String text) {
            try {
                regular.encode(text);
                bold.encode(text);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        private static float width(String text, PDFont font, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** Breaks text into lines that fit the width, between words, or inside a word too long for one line. */
        private static List<String> wrap(String text, PDFont font, float size, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.strip().split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (width(word, font, size) > maxWidth) {
                    int fits = 1;
                    while (fits < word.length() && width(word.substring(0, fits + 1), font, size) <= maxWidth) {
                        fits++;
                    }
                    lines.add(word.substring(0, fits));
                    word = word.substring(fits);
                }
                line.append(word);
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }
    }
}

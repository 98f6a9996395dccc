package id.satupintu.submission;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One requirement of a service as an upload checklist reads it. The catalogue publishes requirements as the
 * service standard words them, so the checklist reads two kinds of line apart from the rest: a line for some cases
 * only ("Untuk perpanjangan: ...") asks for a file only where it applies, and a line saying something is no longer
 * required ("... tidak lagi disyaratkan ...") asks for nothing.
 *
 * @param index the requirement's place in the service's list, from 0
 */
public record ChecklistItem(int index, String text, Kind kind) {

    private static final Pattern CONDITIONAL = Pattern.compile("^(untuk|bagi|jika|apabila)\\b[^:]{1,80}:.*",
            Pattern.DOTALL);
    private static final Pattern NOT_REQUIRED = Pattern.compile(".*\\btidak (lagi )?(di)?syaratkan\\b.*|.*\\btidak "
            + "(lagi )?diperlukan\\b.*", Pattern.DOTALL);

    public enum Kind {
        /** A file is needed before the application can be sent. */
        REQUIRED,
        /** A file is needed only in the cases the line names; the applicant decides. */
        CONDITIONAL,
        /** Information only; nothing to upload. */
        NOTE
    }

    public static List<ChecklistItem> of(List<String> requirements) {
        return IntStream.range(0, requirements.size())
                .mapToObj(n -> new ChecklistItem(n, requirements.get(n), kindOf(requirements.get(n))))
                .toList();
    }

    static Kind kindOf(String requirement) {
        String text = requirement.strip().toLowerCase(Locale.ROOT);
        if (NOT_REQUIRED.matcher(text).matches()) {
            return Kind.NOTE;
        }
        return CONDITIONAL.matcher(text).matches() ? Kind.CONDITIONAL : Kind.REQUIRED;
    }

    public boolean takesFiles() {
        return kind != Kind.NOTE;
    }
}

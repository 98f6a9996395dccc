package id.satupintu.shared;

import java.util.Locale;

/** A text in Indonesian (the default) and English. */
public record LocalizedText(String id, String en) {

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : id;
    }
}

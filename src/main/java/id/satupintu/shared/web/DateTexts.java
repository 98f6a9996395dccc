package id.satupintu.shared.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Dates and times written out for people, in their language, with the mall's zone (WIB, WITA, WIT). */
@Component
public class DateTexts {

    private final MessageSource messages;

    DateTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** Such as "Rabu, 2 Desember 2026, 10:00 WITA". */
    public String dateTime(ZonedDateTime time, Locale locale) {
        String zone = messages.getMessage("zone." + time.getZone().getId(), null, null, locale);
        return DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, HH:mm", locale).format(time)
                + (zone != null ? " " + zone : "");
    }

    /** Such as "Rabu, 2 Desember 2026". */
    public String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", locale).format(date);
    }
}

package id.satupintu.appointment;

import java.util.Locale;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A booking as an iCalendar file (.ics) that phones and mail programs put into the citizen's calendar. */
@Component
public class CalendarFiles {

    private final MessageSource messages;

    CalendarFiles(MessageSource messages) {
        this.messages = messages;
    }

    /** The file's name, the same on the booking page and in the e-mail. */
    public String fileName(Booking booking) {
        return "janji-temu-" + booking.code().value() + ".ics";
    }

    /**
     * The event of a booking, titled and described in the citizen's language, with the link to the booking's page.
     * Times are written in UTC, which every calendar shows in its own zone, so the file needs no time zone
     * definitions.
     */
    public String of(Booking booking, String link, Locale locale) {
        String summary = messages.getMessage("calendar.summary",
                new Object[] {booking.service().name().in(locale), booking.mall().name()}, locale);
        String description = messages.getMessage("calendar.description",
                new Object[] {booking.code().display(), link}, locale);
        VEvent event = new VEvent(booking.appointment().start(), booking.appointment().end(), summary);
        event.add(new Uid(booking.appointment().id() + "@satupintu"));
        event.add(new Location(booking.mall().name() + ", " + booking.mall().address()));
        event.add(new Description(description));
        return new Calendar().withProdId("-//SatuPintu//Appointments//ID").withDefaults()
                .withComponent(event).getFluentTarget().toString();
    }
}

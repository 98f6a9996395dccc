package id.satupintu.appointment;


import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;

/** A booking as an iCalendar file (.ics) that phones and mail programs put into the citizen's calendar. */
public final class CalendarFiles {

    private CalendarFiles() {
    }

    /**
     * The event of a booking. Times are written in UTC, which every calendar shows in its own zone, so the file
     * needs no time zone definitions.
     */
    public static String of(Booking booking, String summary, String description) {
        VEvent event = new VEvent(booking.appointment().start(), booking.appointment().end(), summary);
        event.add(new Uid(booking.appointment().id() + "@satupintu"));
        event.add(new Location(booking.mall().name() + ", " + booking.mall().address()));
        event.add(new Description(description));
        Calendar calendar = new Calendar().withProdId("-//SatuPintu//Appointments//ID").withDefaults()
                .withComponent(event).getFluentTarget();
        return calendar.toString();
    }


}

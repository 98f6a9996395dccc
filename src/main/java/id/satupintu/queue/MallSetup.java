package id.satupintu.queue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import id.satupintu.catalogue.Counter;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.DaySchedule;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.shared.NotFoundException;

/** What issuing a ticket reads about a mall, as of one configuration version. */
final class MallSetup {

    private final long version;
    private final Mall mall;
    private final Map<String, MallService> services;
    private final List<Counter> counters;
    private volatile DaySchedule lastDay;

    MallSetup(long version, Mall mall, Map<String, MallService> services, List<Counter> counters) {
        this.version = version;
        this.mall = mall;
        this.services = Map.copyOf(services);
        this.counters = List.copyOf(counters);
    }

    long version() {
        return version;
    }

    Mall mall() {
        return mall;
    }

    List<Counter> counters() {
        return counters;
    }

    MallService service(String code) {
        MallService service = services.get(code == null ? "" : code.strip());
        if (service == null) {
            throw new NotFoundException(NotFoundException.Code.SERVICE_NOT_FOUND, code);
        }
        return service;
    }

    /** The mall's schedule on the date; the last date asked for is kept, which is today nearly always. */
    DaySchedule day(LocalDate date, MallCalendar calendar) {
        DaySchedule day = lastDay;
        if (day == null || !day.date().equals(date)) {
            day = calendar.on(mall, date);
            lastDay = day;
        }
        return day;
    }
}

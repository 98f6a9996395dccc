package id.satupintu.queue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import id.satupintu.catalogue.Agency;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.Counter;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.shared.AgencyId;
import id.satupintu.shared.CounterId;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What a mall's display board shows: the latest calls and how many wait per agency. No personal data. */
@Component
class Board {

    static final int RECENT_CALLS = 8;

    private final TicketStore store;
    private final Malls malls;
    private final MallCalendar calendar;
    private final Catalogue catalogue;

    Board(TicketStore store, Malls malls, MallCalendar calendar, Catalogue catalogue) {
        this.store = store;
        this.malls = malls;
        this.calendar = calendar;
        this.catalogue = catalogue;
    }

    record Call(String number, String counter, OffsetDateTime at) {
    }

    record AgencyWaiting(String agencyCode, String nameId, String nameEn, long waiting) {
    }

    record State(List<Call> calls, List<AgencyWaiting> waiting) {
    }

    @Transactional(readOnly = true)
    State state(MallId mallId) {
        Mall mall = malls.get(mallId);
        LocalDate day = calendar.now(mall).toLocalDate();
        Map<CounterId, String> counterNames = catalogue.counters(mallId).stream()
                .collect(Collectors.toMap(Counter::id, Counter::name));
        List<Call> calls = store.lastCalled(mallId, day, RECENT_CALLS).stream()
                .map(t -> new Call(t.number(), counterNames.getOrDefault(t.counterId(), ""),
                        Queue.local(mall, t.lastCalledAt())))
                .toList();
        Map<ServiceId, AgencyId> agencyOf = catalogue.services(mallId).stream()
                .collect(Collectors.toMap(MallService::id, MallService::agencyId));
        Map<AgencyId, Long> counts = store.waitingLine(mallId, day).stream()
                .collect(Collectors.groupingBy(w -> agencyOf.get(w.service()), Collectors.counting()));
        Map<String, AgencyWaiting> waiting = new LinkedHashMap<>();
        for (Agency agency : catalogue.agencies(mallId)) {
            waiting.put(agency.code(), new AgencyWaiting(agency.code(), agency.name().in(Locale.of("id")),
                    agency.name().in(Locale.ENGLISH), counts.getOrDefault(agency.id(), 0L)));
        }
        return new State(calls, List.copyOf(waiting.values()));
    }
}

package id.satupintu.queue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import id.satupintu.SatuPintuTest;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.shared.CounterId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@SatuPintuTest
class DayEndTests {

    private static final Locale ID = Locale.of("id");

    @Autowired
    Queue queue;

    @Autowired
    CounterDesk desk;

    @Autowired
    DayEnd dayEnd;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    @Autowired
    MallCalendar calendar;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void whatADayLeftOpenIsClosedOnceTheDayIsOver() {
        Mall mall = malls.getByCode("12.16");
        CounterId first = catalogue.createCounter(mall.id(), "pos", "Uji akhir hari 1", List.of("pos-pengiriman"));
        CounterId second = catalogue.createCounter(mall.id(), "pos", "Uji akhir hari 2", List.of("pos-pengiriman"));
        StaffPrincipal officer = new StaffPrincipal(1, "officer-1216-pos", "Petugas", StaffRole.OFFICER, mall.id(),
                catalogue.agency(mall.id(), "pos").id());
        TicketView served = queue.issue("12.16", "pos-pengiriman", null, Channel.KIOSK, ID);
        TicketView called = queue.issue("12.16", "pos-pengiriman", null, Channel.KIOSK, ID);
        TicketView waiting = queue.issue("12.16", "pos-pengiriman", null, Channel.KIOSK, ID);
        desk.open(officer, first);
        desk.open(officer, second);
        desk.callNext(officer, first, ID);
        desk.start(officer, TicketId.parse(served.id()), ID);
        desk.callNext(officer, second, ID);

        CounterId idle = catalogue.createCounter(mall.id(), "pos", "Uji akhir hari 3", List.of("pos-pengiriman"));
        desk.open(officer, idle);
        jdbc.sql("UPDATE queue_counter SET status_since = status_since - INTERVAL '2 hours' WHERE counter_id = :id")
                .param("id", idle.value()).update();

        LocalDate today = calendar.now(mall).toLocalDate();
        assertThat(dayEnd.close(mall, today)).as("nothing ends before the day is over").isZero();
        assertThat(desk.countersOf(officer)).filteredOn(c -> c.name().equals("Uji akhir hari 3"))
                .as("a counter opened this morning and idle since stays open")
                .allSatisfy(c -> assertThat(c.status()).isEqualTo("OPEN"));
        assertThat(dayEnd.close(mall, today.plusDays(1))).isEqualTo(3);

        TicketView servedAfter = queue.view(TicketId.parse(served.id()), ID);
        assertThat(servedAfter.status()).isEqualTo("DONE");
        assertThat(queue.view(TicketId.parse(called.id()), ID).status()).isEqualTo("NO_SHOW");
        assertThat(queue.view(TicketId.parse(waiting.id()), ID).status()).isEqualTo("CANCELLED");
        assertThat(desk.countersOf(officer)).filteredOn(c -> c.name().startsWith("Uji akhir hari"))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo("CLOSED"));
    }
}

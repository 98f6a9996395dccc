package id.satupintu.queue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import id.satupintu.SatuPintuTest;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.CounterId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A checked-in booking stands in line at its booked time: ahead of walk-ins who arrived after that time, behind
 * those who arrived before it, whatever the moment of check-in. At MPP Kabupaten Pangandaran, 09:00 WIB.
 */
@SatuPintuTest
class BookedTicketOrderTests {

    static final Locale ID = Locale.of("id");

    @Autowired
    Queue queue;

    @Autowired
    CounterDesk desk;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    @Test
    void aBookingForEightFortyFiveCheckedInAtNineGoesAheadOfAWalkInFromNine() {
        Mall mall = malls.getByCode("32.18");
        MallService service = catalogue.service(mall.id(), "skck-perpanjangan");
        CounterId counter = catalogue.createCounter(mall.id(), "polri", "Uji Janji Temu", List.of(service.code()));
        StaffPrincipal manager = new StaffPrincipal(1, "manager-3218", "Pengelola", StaffRole.MALL_MANAGER,
                mall.id(), null);
        desk.open(manager, counter);

        TicketView walkIn = queue.issue("32.18", service.code(), null, Channel.KIOSK, ID);
        // Booked for 08:45 WIB; checks in now, at 09:00, after the walk-in took a number.
        TicketView booked = queue.admitBooked(mall.id(), service.id(), Instant.parse("2026-12-01T01:45:00Z"), ID);
        TicketView bookedLater = queue.admitBooked(mall.id(), service.id(), Instant.parse("2026-12-01T02:30:00Z"), ID);
        assertThat(booked.channel()).isEqualTo("APPOINTMENT");
        assertThat(booked.position()).isEqualTo(1);
        assertThat(queue.view(TicketId.parse(walkIn.id()), ID).position()).isEqualTo(2);

        assertThat(callNext(manager, counter)).isEqualTo(booked.number());
        assertThat(callNext(manager, counter)).isEqualTo(walkIn.number());
        assertThat(callNext(manager, counter)).as("booked for 09:30, after the walk-in of 09:00")
                .isEqualTo(bookedLater.number());
    }

    private String callNext(StaffPrincipal staff, CounterId counter) {
        TicketView called = desk.callNext(staff, counter, ID).orElseThrow();
        desk.start(staff, TicketId.parse(called.id()), ID);
        desk.finish(staff, TicketId.parse(called.id()), Outcome.COMPLETED, null, ID);
        return called.number();
    }
}

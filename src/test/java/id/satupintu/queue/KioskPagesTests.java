package id.satupintu.queue;

import java.time.LocalDate;
import java.util.Locale;

import id.satupintu.SatuPintuTest;
import id.satupintu.ServiceRequests;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.DayOverride;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The kiosk's last step says so before a citizen touches "take a number" when none can be given. */
@SatuPintuTest
class KioskPagesTests {

    private static final String MALL = "32.18";

    @Autowired
    MockMvc mvc;

    @Autowired
    Malls malls;

    @Autowired
    MallCalendar calendar;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Queue queue;

    @Test
    void anOpenServiceOffersTheButtonsAndAClosedMallSaysWhenItOpens() throws Exception {
        mvc.perform(get("/kiosk/" + MALL + "/services/akta-kelahiran"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"take\""), containsString("priorityGroup"))));

        Mall mall = malls.getByCode(MALL);
        LocalDate today = calendar.now(mall).toLocalDate();
        malls.putDayOverride(mall.id(), new DayOverride(today, false, "Rapat koordinasi"));
        try {
            mvc.perform(get("/kiosk/" + MALL + "/services/akta-kelahiran"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(not(containsString("id=\"take\"")),
                            containsString("Rabu, 2 Desember 2026"))));
        } finally {
            malls.removeDayOverride(mall.id(), today);
        }
    }

    @Test
    void aServiceWhoseQuotaIsUsedUpSaysSoWithoutOfferingANumber() throws Exception {
        Mall mall = malls.getByCode(MALL);
        MallService service = catalogue.service(mall.id(), "akta-kematian");
        catalogue.updateService(mall.id(), service.code(), ServiceRequests.withQuota(catalogue, service, 1), null);
        queue.issue(MALL, service.code(), null, Channel.KIOSK, Locale.of("id"));
        mvc.perform(get("/kiosk/" + MALL + "/services/" + service.code()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("id=\"take\"")),
                        containsString("Kuota hari ini habis"))));
    }
}

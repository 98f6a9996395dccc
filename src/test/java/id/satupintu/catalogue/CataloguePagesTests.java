package id.satupintu.catalogue;

import java.time.Clock;
import java.time.LocalDate;

import id.satupintu.SatuPintuTest;
import id.satupintu.region.DayOverride;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SatuPintuTest
class CataloguePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Malls malls;

    @Autowired
    Clock clock;

    @Test
    void homeGroupsMallsByProvince() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sulawesi Selatan"),
                        containsString("MPP Kabupaten Wajo"), containsString("Pilih MPP"))));
    }

    @Test
    void searchFindsAServiceAcrossMalls() throws Exception {
        mvc.perform(get("/search").param("q", "paspor"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("MPP Kota Tangerang"),
                        not(containsString("MPP Kabupaten Poso")))));
        mvc.perform(get("/search").param("q", "akta kelahiran"))
                .andExpect(content().string(containsString("MPP Kabupaten Konawe")));
        mvc.perform(get("/search").param("q", "zzqx%_"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tidak ada layanan yang cocok")));
    }

    @Test
    void theMallPageSaysWhenTheMallIsClosedAndWhy() throws Exception {
        Mall soppeng = malls.getByCode("73.12");
        LocalDate today = LocalDate.now(clock.withZone(soppeng.timeZone()));
        malls.putDayOverride(soppeng.id(), new DayOverride(today, false, "Hari Jadi Soppeng"));
        try {
            mvc.perform(get("/malls/73.12"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("Tutup hari ini"),
                            containsString("Hari Jadi Soppeng"))));
        } finally {
            malls.removeDayOverride(soppeng.id(), today);
        }
    }

    @Test
    void theServicePageShowsTheWholePublicStandardInTheChosenLanguage() throws Exception {
        mvc.perform(get("/malls/36.71/services/skck-baru"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Persyaratan"), containsString("Biaya/tarif"),
                        containsString("Rp30.000"), containsString("PP 76/2020"), containsString("Produk layanan"),
                        containsString("Penanganan pengaduan"))));
        mvc.perform(get("/malls/36.71/services/skck-baru").param("lang", "en"))
                .andExpect(cookie().value("satupintu-lang", "en"))
                .andExpect(content().string(allOf(containsString("Requirements"), containsString("Cost/tariff"))));
        mvc.perform(get("/malls/36.71").cookie(new Cookie("satupintu-lang", "en")))
                .andExpect(content().string(containsString("Agencies and services")));
    }

    @Test
    void unknownPagesAreAFriendly404() throws Exception {
        mvc.perform(get("/malls/99.99")).andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("99.99"), not(containsString("Exception")))));
        mvc.perform(get("/malls/36.71/services/nope")).andExpect(status().isNotFound());
    }
}

package id.satupintu.complaint;

import java.time.LocalDate;
import java.util.List;

import id.satupintu.SatuPintuTest;
import id.satupintu.identity.Citizen;
import id.satupintu.identity.CitizenPrincipal;
import id.satupintu.identity.Citizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The complaint pages: a signed-in citizen's complaint is linked to the account, and finding one by its code. */
@SatuPintuTest
class ComplaintPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Citizens citizens;

    @Autowired
    Complaints complaints;

    Authentication signedIn(Citizen citizen) {
        return new UsernamePasswordAuthenticationToken(
                new CitizenPrincipal(citizen.id(), citizen.fullName(), citizen.nikMasked()), null,
                List.of(new SimpleGrantedAuthority(CitizenPrincipal.AUTHORITY)));
    }

    @Test
    void aSignedInCitizensComplaintIsLinkedToTheAccountAndListedThere() throws Exception {
        Citizen citizen = citizens.registerVerified("7402037011780005", "Wa Ode Sartini", LocalDate.of(1978, 11, 30),
                "wa.ode@example.test", null);
        String location = mvc.perform(multipart("/complaints")
                        .file(new MockMultipartFile("files", "antrean.pdf", "application/octet-stream",
                                Complaining.pdf()))
                        .file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
                        .param("mall", Complaining.MALL).param("category", "SERVICE_SPEED")
                        .param("description", "Antre tiga jam untuk akta kelahiran, loket hanya satu yang buka.")
                        .param("email", "tidak-dipakai@example.test")
                        .with(authentication(signedIn(citizen))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Complaint filed = complaints.byCode(ComplaintPagesController.codeOf(location.substring(
                location.lastIndexOf('/') + 1)));
        assertThat(filed.citizenId()).isEqualTo(citizen.id());
        assertThat(filed.contactEmail()).as("the account's contacts count").isNull();
        assertThat(complaints.attachments(filed.id())).hasSize(1).first()
                .extracting(ComplaintAttachment::mediaType).isEqualTo("application/pdf");

        mvc.perform(get("/citizen/complaints").with(authentication(signedIn(citizen))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(filed.code().display())));
        mvc.perform(get("/citizen/complaints")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aComplaintIsFoundByItsCodeTypedLooselyAndAnUnknownCodeSaysSo() throws Exception {
        Complaint filed = complaints.file(new Complaints.NewComplaint(Complaining.MALL, "dukcapil", null,
                "INFORMATION", "Papan informasi persyaratan KIA masih memuat syarat lama.", null, null), List.of(),
                null, Complaints.WEB, java.util.Locale.of("id"));
        mvc.perform(get("/complaints").param("code", filed.code().value().toLowerCase()))
                .andExpect(redirectedUrl("/complaints/" + filed.code().display()));
        mvc.perform(get("/complaints").param("code", "ADU-0000-0000-0000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kode pengaduan ADU-0000-0000-0000 tidak dikenal")));
        mvc.perform(get("/complaints/ADU-0000-0000-0000")).andExpect(status().isNotFound());
        mvc.perform(get("/complaints/" + filed.code().display()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Papan informasi persyaratan KIA"),
                        containsString("Population and Civil Registration Office"), not(containsString("null")))));
    }
}

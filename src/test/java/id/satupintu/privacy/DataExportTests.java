package id.satupintu.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import id.satupintu.SatuPintuTest;
import id.satupintu.audit.ProcessingLog;
import id.satupintu.appointment.Appointment;
import id.satupintu.appointment.Appointments;
import id.satupintu.appointment.BookingRequest;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.complaint.Complaint;
import id.satupintu.complaint.Complaints;
import id.satupintu.identity.Citizen;
import id.satupintu.identity.CitizenPrincipal;
import id.satupintu.identity.Citizens;
import id.satupintu.identity.NikFingerprints;
import id.satupintu.identity.TestCitizens;
import id.satupintu.region.Malls;
import id.satupintu.submission.Party;
import id.satupintu.submission.Submission;
import id.satupintu.submission.SubmissionFiles;
import id.satupintu.submission.Submissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Download my data": everything about the signed-in citizen and only them, with the processing trail (staff by
 * username and role) that shows the download itself.
 */
@SatuPintuTest
class DataExportTests {

    static final String AGUSTINA_NIK = "7202015402010006";
    static final String ANDI_NIK = "7402022307920004";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NikFingerprints fingerprints;

    @Autowired
    Citizens citizens;

    @Autowired
    Submissions submissions;

    @Autowired
    Complaints complaints;

    @Autowired
    Appointments appointments;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    @Autowired
    ProcessingLog processingLog;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JsonMapper json;

    @Test
    void aCitizenDownloadsTheirDataWithTheTrailAndTheDownloadIsLogged() throws Exception {
        Citizen agustina = citizen(AGUSTINA_NIK, "Agustina Lamasi", LocalDate.of(2001, 2, 14), "agustina@example.org");
        Citizen andi = citizen(ANDI_NIK, "Andi Pratama", LocalDate.of(1992, 7, 23), "andi@example.org");
        Submission application = sentApplication(agustina);
        appointments.book(new BookingRequest("16.05", "skck-baru", "2026-12-03T10:00:00+07:00", AGUSTINA_NIK,
                "Agustina Lamasi", "081234567801", "agustina@example.org"), Appointment.Channel.API, Locale.of("id"));
        Complaint complaint = complaints.file(new Complaints.NewComplaint("36.71", null, null, "FACILITIES",
                "Toilet lantai dua rusak sejak minggu lalu.", null, null), List.of(), agustina.id(), Complaints.WEB,
                Locale.of("id"));
        transaction.executeWithoutResult(status -> processingLog.record(new ProcessingLog.Processing(
                new ProcessingLog.Actor(ProcessingLog.ActorKind.STAFF, "officer-3671-dukcapil", "Petugas Dukcapil"),
                agustina.id().value(), ProcessingLog.Purpose.APPLICATION_REVIEW,
                "applicant of application " + application.trackingNumber())));

        Map<String, byte[]> zip = download(agustina);
        assertThat(zip).containsKey(DataExport.README).containsKey(DataExport.JSON);
        assertThat(new String(zip.get(DataExport.README), StandardCharsets.UTF_8))
                .startsWith("Data pribadi Anda di SatuPintu");
        JsonNode data = json.readTree(zip.get(DataExport.JSON));
        assertThat(data.at("/account/nik").asString()).as("in full, to its owner").isEqualTo(AGUSTINA_NIK);
        assertThat(data.at("/account/fullName").asString()).isEqualTo("Agustina Lamasi");
        assertThat(data.at("/account/birthDateInNik").asString()).isEqualTo("14-02-01");
        assertThat(data.at("/account/email").asString()).isEqualTo("agustina@example.org");

        JsonNode sent = data.get("applications").get(0);
        assertThat(sent.get("tracking_number").asString()).isEqualTo(application.trackingNumber().toString());
        assertThat(sent.get("timeline").findValuesAsString("action")).contains(Submissions.SUBMIT);
        JsonNode document = sent.get("documents").get(0);
        byte[] uploaded = zip.get(document.get("file").asString());
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(uploaded))).as("the uploaded file itself").isEqualTo(document.get("sha256").asString());

        JsonNode booking = data.get("appointments").get(0);
        assertThat(booking.get("name").asString()).as("stored encrypted, exported readable").isEqualTo("Agustina Lamasi");
        assertThat(booking.get("phone").asString()).isEqualTo("081234567801");
        assertThat(booking.get("email").asString()).isEqualTo("agustina@example.org");

        assertThat(data.get("complaints").get(0).get("code").asString()).isEqualTo(complaint.code().toString());
        assertThat(data.get("complaints").get(0).get("description").asString()).startsWith("Toilet lantai dua");

        JsonNode trail = data.get("processingTrail");
        assertThat(trail.get(0).get("purpose").asString()).as("the download, newest first").isEqualTo("OWN_ACCESS");
        assertThat(trail.get(0).get("subject").asString()).contains("download");
        assertThat(trail.findValues("actor")).extracting(JsonNode::asString).contains("officer-3671-dukcapil");
        JsonNode officer = trail.valueStream().filter(e -> e.get("actor").asString().equals("officer-3671-dukcapil"))
                .findFirst().orElseThrow();
        assertThat(officer.get("role").asString()).isEqualTo("OFFICER");
        assertThat(officer.get("purpose").asString()).isEqualTo("APPLICATION_REVIEW");
        assertThat(jdbc.sql("SELECT count(*) FROM processing_log WHERE citizen_id = :id AND purpose = 'OWN_ACCESS'"
                + " AND subject LIKE 'download%'").param("id", agustina.id().value()).query(Long.class).single())
                .isEqualTo(1);

        Map<String, byte[]> andisZip = download(andi);
        String andisData = new String(andisZip.get(DataExport.JSON), StandardCharsets.UTF_8);
        assertThat(andisData).contains(ANDI_NIK).doesNotContain(AGUSTINA_NIK).doesNotContain("Agustina")
                .doesNotContain(application.trackingNumber().toString()).doesNotContain(complaint.code().toString())
                .doesNotContain("officer-3671-dukcapil");
        assertThat(andisZip.keySet()).containsExactlyInAnyOrder(DataExport.README, DataExport.JSON);
    }

    @Test
    void onlyASignedInCitizenGetsADownload() throws Exception {
        mvc.perform(get(DataExportController.PATH)).andExpect(status().is3xxRedirection());
        mvc.perform(get(DataExportController.PATH).with(user("manager-3671").roles("MALL_MANAGER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theReadmeSpeaksTheCitizensLanguage() throws Exception {
        Citizen andi = citizen(ANDI_NIK, "Andi Pratama", LocalDate.of(1992, 7, 23), "andi@example.org");
        MvcResult started = mvc.perform(get(DataExportController.PATH + "?lang=en")
                .with(authentication(signedIn(andi)))).andExpect(request().asyncStarted()).andReturn();
        byte[] body = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(unzip(body).get(DataExport.README), StandardCharsets.UTF_8))
                .startsWith("Your personal data at SatuPintu");
    }

    private Citizen citizen(String nik, String name, LocalDate birthDate, String email) {
        TestCitizens.withoutAccount(jdbc, fingerprints, nik);
        return citizens.registerVerified(nik, name, birthDate, email, null);
    }

    private Submission sentApplication(Citizen citizen) {
        Party.Applicant applicant = new Party.Applicant(citizen.id(), citizen.fullName(), Party.Applicant.WEB);
        MallService service = catalogue.activeServices(malls.getByCode("36.71").id()).stream()
                .filter(s -> s.online() && !s.requirements().isEmpty()).findFirst().orElseThrow();
        Submission draft = submissions.startDraft(applicant, "36.71", service.code(), Locale.of("id"));
        for (int n = 0; n < service.requirements().size(); n++) {
            submissions.attach(draft.id(), applicant, n, "ktp " + n + ".pdf", SubmissionFiles.pdf());
        }
        return submissions.submit(draft.id(), applicant);
    }

    private Map<String, byte[]> download(Citizen citizen) throws Exception {
        MvcResult started = mvc.perform(get(DataExportController.PATH).with(authentication(signedIn(citizen))))
                .andExpect(request().asyncStarted())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith(
                        "attachment; filename=\"satupintu-data-")))
                .andReturn();
        return unzip(mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray());
    }

    static Authentication signedIn(Citizen citizen) {
        return UsernamePasswordAuthenticationToken.authenticated(
                new CitizenPrincipal(citizen.id(), citizen.fullName(), citizen.nikMasked()), null,
                List.of(new SimpleGrantedAuthority(CitizenPrincipal.AUTHORITY)));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}

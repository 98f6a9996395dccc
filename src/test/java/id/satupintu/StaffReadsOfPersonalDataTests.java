package id.satupintu;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import id.satupintu.appointment.Appointments;
import id.satupintu.appointment.BookingRules;
import id.satupintu.submission.SubmissionFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page on which staff read a citizen's personal data writes who read what, why and when to the processing log;
 * pages that show none write nothing.
 */
@SatuPintuTest
class StaffReadsOfPersonalDataTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "mpp-demo-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Appointments appointments;

    record Row(String actorKind, String actorName, String purpose, String subject, Object citizenId) {
    }

    @Test
    void anApplicationItsDocumentsAndItsApplicantAreLoggedWhenAnOfficerOpensThem() {
        ApiClient api = new ApiClient(port);
        String client = ApiClient.bearer(api.clientToken("superapp-demo", PASSWORD));
        String id = api.postJson("/api/v1/submissions", JSON.writeValueAsString(Map.of("mallCode", "32.17",
                "serviceCode", "pb-umku", "applicant", Map.of("nik", "7402022307920004", "fullName", "Andi Pratama",
                        "birthDate", "1992-07-23", "email", "andi.pratama@example.test"),
                "purpose", "Izin usaha warung")), "Authorization", client).json().get("id").asString();
        String base = "/api/v1/submissions/" + id;
        String document = api.postFile(base + "/documents", "file", "ktp.pdf", SubmissionFiles.pdf(),
                new String[] {"requirementIndex", "0"}, "Authorization", client).json().get("id").asString();
        api.postFile(base + "/documents", "file", "npwp.png", SubmissionFiles.png(),
                new String[] {"requirementIndex", "1"}, "Authorization", client);
        ApiClient.Response submitted = api.postJson(base + "/submit", "{}", "Authorization", client);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        String tracking = submitted.json().get("trackingNumber").asString();

        ApiClient officer = new ApiClient(port);
        officer.signIn("officer-3217-dpmptsp", PASSWORD);
        long before = rows("officer-3217-dpmptsp");
        assertThat(officer.get("/staff/inbox").body()).as("the inbox lists no applicant").contains(tracking)
                .doesNotContain("Andi Pratama");
        assertThat(rows("officer-3217-dpmptsp")).isEqualTo(before);

        assertThat(officer.get("/staff/inbox/" + id).body()).contains("Andi Pratama").contains("7402********0004")
                .doesNotContain("7402022307920004");
        assertThat(officer.get("/staff/inbox/" + id + "/documents/" + document).status()).isEqualTo(200);
        List<Row> logged = newRows("officer-3217-dpmptsp", before);
        assertThat(logged).hasSize(2).allSatisfy(row -> {
            assertThat(row.actorKind()).isEqualTo("STAFF");
            assertThat(row.purpose()).isEqualTo("APPLICATION_REVIEW");
            assertThat(row.citizenId()).isNotNull();
            assertThat(row.subject()).contains(tracking);
        });
        assertThat(logged.get(0).subject()).startsWith("applicant of application");
        assertThat(logged.get(1).subject()).startsWith("document ktp.pdf");
    }

    @Test
    void aComplainantsContactIsLoggedOnlyWhenShownOnPurpose() {
        ApiClient api = new ApiClient(port);
        String code = api.postJson("/api/v1/complaints", JSON.writeValueAsString(Map.of("mallCode", "16.05",
                "agencyCode", "dukcapil", "category", "FACILITIES", "description", "Kursi ruang tunggu rusak.",
                "email", "pelapor.kursi@example.test"))).json().get("code").asString();
        ApiClient manager = new ApiClient(port);
        manager.signIn("manager-1605", PASSWORD);
        long before = rows("manager-1605");
        assertThat(manager.get("/staff/complaints/" + code).body()).doesNotContain("pelapor.kursi@example.test");
        assertThat(rows("manager-1605")).isEqualTo(before);

        assertThat(manager.get("/staff/complaints/" + code + "?contact=show").body())
                .contains("pelapor.kursi@example.test");
        assertThat(newRows("manager-1605", before)).singleElement().satisfies(row -> {
            assertThat(row.purpose()).isEqualTo("COMPLAINT_HANDLING");
            assertThat(row.subject()).isEqualTo("contact details of complaint " + code);
            assertThat(row.actorName()).isNotBlank();
        });
    }

    @Test
    void aDaysBookingsWithTheBookersNamesAreLoggedWhenAManagerOpensThem() {
        appointments.configure("16.05", "akta-perkawinan", new BookingRules(true, 30, 5, 50, 1, 14,
                LocalTime.of(8, 0), Duration.ofMinutes(30), Duration.ofMinutes(15)));
        ApiClient api = new ApiClient(port);
        ApiClient.Response booked = api.postJson("/api/v1/appointments", JSON.writeValueAsString(Map.of(
                "mallCode", "16.05", "serviceCode", "akta-perkawinan", "start", "2026-12-07T09:00:00+07:00",
                "nik", "1605010101905501", "name", "Yuliana Sari", "phone", "081355501234")));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        ApiClient manager = new ApiClient(port);
        manager.signIn("manager-1605", PASSWORD);
        long before = rows("manager-1605");
        assertThat(manager.get("/manage/16.05/appointments?date=2026-12-07").body()).contains("Yuliana Sari")
                .contains("1605********5501").doesNotContain("1605010101905501").doesNotContain("081355501234");
        assertThat(newRows("manager-1605", before)).singleElement().satisfies(row -> {
            assertThat(row.purpose()).isEqualTo("APPOINTMENT_HANDLING");
            assertThat(row.subject()).matches("names of \\d+ bookings at 16\\.05 on 2026-12-07");
        });
        manager.get("/manage/16.05/appointments?date=2026-12-30");
        assertThat(rows("manager-1605")).as("a day without bookings shows no one").isEqualTo(before + 1);
    }

    private long rows(String username) {
        return jdbc.sql("SELECT count(*) FROM processing_log WHERE actor_ref = :who").param("who", username)
                .query(Long.class).single();
    }

    private List<Row> newRows(String username, long skip) {
        return jdbc.sql("""
                SELECT actor_kind, actor_name, purpose, subject, citizen_id FROM processing_log WHERE actor_ref = :who
                ORDER BY id OFFSET :skip
                """).param("who", username).param("skip", skip)
                .query((rs, n) -> new Row(rs.getString("actor_kind"), rs.getString("actor_name"),
                        rs.getString("purpose"), rs.getString("subject"), rs.getObject("citizen_id")))
                .list();
    }
}

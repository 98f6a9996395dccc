package id.satupintu.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import id.satupintu.SatuPintuTest;
import id.satupintu.appointment.Appointment;
import id.satupintu.appointment.Appointments;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.complaint.Complaint;
import id.satupintu.complaint.ComplaintId;
import id.satupintu.complaint.Complaints;
import id.satupintu.identity.Citizen;
import id.satupintu.identity.Citizens;
import id.satupintu.region.Malls;
import id.satupintu.shared.MallId;
import id.satupintu.survey.IkmReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job on the test clock: records past their period are deleted or anonymized, younger ones stay
 * untouched, and what the reports count (complaints, bookings per status, IKM, rollups) does not change.
 */
@SatuPintuTest
class RetentionTests {

    @Autowired
    RetentionJob job;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Malls malls;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Citizens citizens;

    @Autowired
    Complaints complaints;

    @Autowired
    IkmReports ikm;

    @Autowired
    Appointments appointments;

    Instant now;
    MallId mall;
    MallService service;

    @BeforeEach
    void setUp() {
        now = clock.instant();
        mall = malls.getByCode("73.10").id();
        service = catalogue.activeServices(mall).getFirst();
    }

    @Test
    void recordsPastTheirPeriodGoOrLoseWhoTheyWereAndYoungerOnesStay() {
        UUID oldCode = code(now.minus(Duration.ofDays(2)));
        UUID youngCode = code(now.minus(Duration.ofHours(2)));
        UUID oldBooking = appointment(now.minus(Duration.ofDays(91)), "CHECKED_IN");
        UUID youngBooking = appointment(now.minus(Duration.ofDays(89)), "CHECKED_IN");
        UUID oldComplaint = complaint(now.minus(Duration.ofDays(731)), false);
        UUID oldOpenComplaint = complaint(now.minus(Duration.ofDays(731)), true);
        UUID youngComplaint = complaint(now.minus(Duration.ofDays(729)), false);
        Citizen applicant = citizens.registerVerified("3671011708850002", "Budi Santoso", LocalDate.of(1985, 8, 17),
                "budi.santoso@example.org", null);
        UUID oldApplication = application(applicant, now.minus(Duration.ofDays(1826)), true);
        UUID documentsGone = application(applicant, now.minus(Duration.ofDays(366)), true);
        UUID youngApplication = application(applicant, now.minus(Duration.ofDays(364)), true);
        UUID oldDraft = application(applicant, now.minus(Duration.ofDays(91)), false);
        UUID youngDraft = application(applicant, now.minus(Duration.ofDays(89)), false);
        long oldLog = logEntry(now.minus(Duration.ofDays(1826)));
        long youngLog = logEntry(now.minus(Duration.ofDays(1824)));
        UUID oldTicket = ticket(now.minus(Duration.ofDays(366)));
        UUID youngTicket = ticket(now.minus(Duration.ofDays(364)));

        Instant from = now.minus(Duration.ofDays(800));
        Complaints.Counts complaintsBefore = complaints.countsOf(mall, from, now);
        Map<String, Object> bookingsBefore = bookingStatuses();
        IkmReports.Report ikmBefore = ikm.forMall("73.10", LocalDate.of(2020, 1, 1), LocalDate.of(2026, 12, 31),
                null, null);
        Object rollupsBefore = rollups();

        Map<String, Integer> done = job.run().orElseThrow();

        assertThat(done).containsKeys("citizen-codes", "appointments", "complaints", "applications",
                "application-documents", "application-drafts", "processing-log", "ticket-notes");
        assertThat(done.values()).allMatch(n -> n >= 1);
        assertThat(exists("citizen_code", oldCode)).isFalse();
        assertThat(exists("citizen_code", youngCode)).isTrue();

        assertThat(row("SELECT phone, nik_fingerprint, nik_masked, status FROM appointment WHERE id = :id",
                oldBooking)).containsEntry("phone", null)
                .containsEntry("nik_fingerprint", null).containsEntry("status", "CHECKED_IN");
        assertThat(appointments.find(oldBooking).appointment().contact().name()).isEmpty();
        assertThat(appointments.find(youngBooking).appointment().contact())
                .extracting(Appointment.Contact::name, Appointment.Contact::phone)
                .containsExactly("Warga Uji", "081234567890");

        assertThat(row("SELECT description, contact_email, state FROM complaint WHERE id = :id", oldComplaint))
                .containsEntry("description", "").containsEntry("contact_email", null)
                .containsEntry("state", "CLOSED");
        assertThat(count("complaint_attachment", "complaint_id", oldComplaint)).isZero();
        assertThat(count("complaint_step", "complaint_id", oldComplaint)).as("the steps stay, without notes")
                .isEqualTo(1);
        for (UUID kept : new UUID[] {oldOpenComplaint, youngComplaint}) {
            assertThat(complaints.find(new ComplaintId(kept)).orElseThrow())
                    .extracting(Complaint::description, Complaint::contactEmail)
                    .containsExactly("Antrean terlalu lama, saya menunggu tiga jam.", "warga@example.org");
            assertThat(count("complaint_attachment", "complaint_id", kept)).isEqualTo(1);
        }

        assertThat(row("SELECT purpose, citizen_id IS NOT NULL AS linked FROM submission WHERE id = :id",
                oldApplication)).containsEntry("purpose", "").containsEntry("linked", true);
        assertThat(row("SELECT note FROM submission_step WHERE submission_id = :id", oldApplication))
                .containsEntry("note", "");
        assertThat(count("submission_document", "submission_id", oldApplication)).isZero();
        assertThat(count("submission_document", "submission_id", documentsGone)).isZero();
        assertThat(row("SELECT purpose FROM submission WHERE id = :id", documentsGone))
                .containsEntry("purpose", "Untuk melamar kerja");
        assertThat(count("submission_document", "submission_id", youngApplication)).isEqualTo(1);
        assertThat(exists("submission", oldDraft)).isFalse();
        assertThat(exists("submission", youngDraft)).isTrue();

        assertThat(jdbc.sql("SELECT count(*) FROM processing_log WHERE id IN (:old, :young)")
                .param("old", oldLog).param("young", youngLog).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT id FROM processing_log WHERE id IN (:old, :young)")
                .param("old", oldLog).param("young", youngLog).query(Long.class).single()).isEqualTo(youngLog);

        assertThat(row("SELECT outcome_reason, outcome FROM ticket WHERE id = :id", oldTicket))
                .containsEntry("outcome_reason", null).containsEntry("outcome", "INCOMPLETE");
        assertThat(row("SELECT outcome_reason FROM ticket WHERE id = :id", youngTicket))
                .containsEntry("outcome_reason", "Berkas Pak Slamet kurang");

        assertThat(complaints.countsOf(mall, from, now)).isEqualTo(complaintsBefore);
        assertThat(bookingStatuses()).isEqualTo(bookingsBefore);
        IkmReports.Report ikmAfter = ikm.forMall("73.10", LocalDate.of(2020, 1, 1), LocalDate.of(2026, 12, 31),
                null, null);
        assertThat(ikmAfter.ikm()).isEqualTo(ikmBefore.ikm());
        assertThat(rollups()).isEqualTo(rollupsBefore);

        assertThat(job.run().orElseThrow().values()).as("a second run finds nothing more to do").containsOnly(0);
    }

    private UUID code(Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO citizen_code (id, purpose, code_hash, email, created_at, expires_at)
                VALUES (:id, 'SIGN_IN', repeat('0', 64), 'warga@example.org', :created, :expires)
                """).param("id", id).param("created", ts(expiresAt.minus(Duration.ofMinutes(10))))
                .param("expires", ts(expiresAt)).update();
        return id;
    }

    private UUID appointment(Instant endsAt, String status) {
        Instant startsAt = endsAt.minus(Duration.ofMinutes(30));
        LocalDate day = LocalDate.ofInstant(startsAt, ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO appointment_slot (mall_id, service_id, starts_at, ends_at, local_date, seats, booked)
                VALUES (:mall, :service, :starts, :ends, :day, 10, 0) ON CONFLICT DO NOTHING
                """).param("mall", mall.value()).param("service", service.id().value()).param("starts", ts(startsAt))
                .param("ends", ts(endsAt)).param("day", day).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO appointment (id, booking_code, mall_id, service_id, starts_at, ends_at, local_date,
                    nik_fingerprint, nik_masked, name, phone, language, channel, status, booked_at, checked_in_at)
                VALUES (:id, :code, :mall, :service, :starts, :ends, :day, :fingerprint, '3671********0002',
                    'Warga Uji', '081234567890', 'id', 'WEB', :status, :starts, :starts)
                """).param("id", id).param("code", random(8)).param("mall", mall.value())
                .param("service", service.id().value()).param("starts", ts(startsAt)).param("ends", ts(endsAt))
                .param("day", day).param("fingerprint", random(64)).param("status", status).update();
        return id;
    }

    private UUID complaint(Instant updatedAt, boolean open) {
        UUID id = UUID.randomUUID();
        Instant created = updatedAt.minus(Duration.ofDays(10));
        jdbc.sql("""
                INSERT INTO complaint (id, mall_id, code, category_code, description, contact_email, language,
                    channel, workflow_code, state, state_open, state_entered_at, created_at, updated_at)
                VALUES (:id, :mall, :code, 'SERVICE_SPEED', 'Antrean terlalu lama, saya menunggu tiga jam.',
                    'warga@example.org', 'id', 'WEB', 'PENGADUAN', :state, :open, :updated, :created, :updated)
                """).param("id", id).param("mall", mall.value()).param("code", random(12))
                .param("state", open ? "FORWARDED" : "CLOSED").param("open", open).param("updated", ts(updatedAt))
                .param("created", ts(created)).update();
        jdbc.sql("""
                INSERT INTO complaint_step (complaint_id, at, actor_kind, actor_name, action, to_state, note,
                    visibility) VALUES (:id, :at, 'APPLICANT', '', 'FILE', 'RECEIVED', 'Nomor antrean A012', 'PUBLIC')
                """).param("id", id).param("at", ts(created)).update();
        jdbc.sql("""
                INSERT INTO complaint_attachment (id, complaint_id, display_name, media_type, size_bytes, sha256,
                    content, uploaded_at) VALUES (:a, :id, 'foto.png', 'image/png', 3, repeat('0', 64), '\\x010203',
                    :at)
                """).param("a", UUID.randomUUID()).param("id", id).param("at", ts(created)).update();
        return id;
    }

    private UUID application(Citizen applicant, Instant closedAt, boolean sent) {
        UUID id = UUID.randomUUID();
        Instant created = closedAt.minus(Duration.ofDays(5));
        jdbc.sql("""
                INSERT INTO submission (id, mall_id, region_code, service_id, agency_id, citizen_id, tracking_number,
                    workflow_code, state, state_open, state_entered_at, purpose, channel, created_at, submitted_at,
                    updated_at)
                VALUES (:id, :mall, '73.10', :service, :agency, :citizen, :tracking, :workflow, :state, FALSE,
                    :closed, 'Untuk melamar kerja', 'WEB', :created, :submitted, :closed)
                """).param("id", id).param("mall", mall.value()).param("service", service.id().value())
                .param("agency", service.agencyId().value()).param("citizen", applicant.id().value())
                .param("tracking", sent ? "ZZ-20200101-%06d".formatted(ThreadLocalRandom.current().nextInt(1, 999_999))
                        : null).param("workflow", sent ? "PERMOHONAN_STANDAR" : null)
                .param("state", sent ? "ISSUED" : null).param("closed", ts(closedAt))
                .param("created", ts(created)).param("submitted", sent ? ts(created) : null).update();
        jdbc.sql("""
                INSERT INTO submission_document (id, submission_id, requirement_no, display_name, media_type,
                    size_bytes, sha256, content, uploaded_at, sealed)
                VALUES (:d, :id, 0, 'ktp.pdf', 'application/pdf', 3, repeat('0', 64), '\\x010203', :at, :sealed)
                """).param("d", UUID.randomUUID()).param("id", id).param("at", ts(created)).param("sealed", sent)
                .update();
        if (sent) {
            jdbc.sql("""
                    INSERT INTO submission_step (submission_id, at, actor_kind, actor_name, action, to_state, note)
                    VALUES (:id, :at, 'OFFICER', 'Petugas', 'APPROVE', 'ISSUED', 'Pemohon Budi, KTP lengkap')
                    """).param("id", id).param("at", ts(closedAt)).update();
        }
        return id;
    }

    private long logEntry(Instant at) {
        return jdbc.sql("""
                INSERT INTO processing_log (at, actor_kind, actor_ref, actor_name, citizen_id, purpose, subject)
                VALUES (:at, 'STAFF', 'officer-3671-dukcapil', 'Petugas', :citizen, 'APPLICATION_REVIEW', 'uji')
                RETURNING id
                """).param("at", ts(at)).param("citizen", UUID.randomUUID()).query(Long.class).single();
    }

    private UUID ticket(Instant finishedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO ticket (id, mall_id, local_date, prefix, seq, number, service_id, first_service_id,
                    channel, status, arrival_at, queued_at, finished_at, outcome, outcome_reason)
                VALUES (:id, :mall, :day, 'ZZ', :seq, 'ZZ000', :service, :service, 'KIOSK', 'DONE', :at, :at, :at,
                    'INCOMPLETE', 'Berkas Pak Slamet kurang')
                """).param("id", id).param("mall", mall.value())
                .param("day", LocalDate.ofInstant(finishedAt, ZoneOffset.UTC))
                .param("seq", ThreadLocalRandom.current().nextInt(1, 1000)).param("service", service.id().value())
                .param("at", ts(finishedAt)).update();
        return id;
    }

    private Map<String, Object> bookingStatuses() {
        return jdbc.sql("SELECT string_agg(status || '=' || n, ',' ORDER BY status) AS statuses FROM (SELECT status,"
                + " count(*) AS n FROM appointment WHERE mall_id = :mall GROUP BY status) s")
                .param("mall", mall.value()).query().singleRow();
    }

    private Object rollups() {
        return jdbc.sql("SELECT (SELECT coalesce(sum(tickets), 0) FROM insight_service_day)"
                + " + (SELECT coalesce(sum(booked + checked_in), 0) FROM insight_booking_day)"
                + " + (SELECT count(*) FROM insight_application)").query(Long.class).single();
    }

    private boolean exists(String table, UUID id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = :id").param("id", id)
                .query(Long.class).single() == 1;
    }

    private long count(String table, String column, UUID id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = :id").param("id", id)
                .query(Long.class).single();
    }

    private Map<String, Object> row(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query().singleRow();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static String random(int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(UUID.randomUUID().toString().replace("-", "").toUpperCase());
        }
        return s.substring(0, length);
    }
}

package id.satupintu.submission;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.satupintu.shared.CitizenId;
import id.satupintu.shared.PersonalData;
import id.satupintu.shared.Retention;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The applications' part of a citizen's data (each application with its timeline, the files uploaded for it and its
 * output document), and their retention: drafts never sent, the uploaded files of closed applications, and the free
 * text of closed applications each go after their own period. A closed application itself stays, without its text:
 * it is the record of what the agency decided and issued, which reports count and anyone may verify.
 */
@Component
class SubmissionData implements PersonalData.Source {

    private final JdbcClient jdbc;
    private final Submissions submissions;
    private final Clock clock;

    SubmissionData(JdbcClient jdbc, Submissions submissions, Clock clock) {
        this.jdbc = jdbc;
        this.submissions = submissions;
        this.clock = clock;
    }

    @Override
    public PersonalData.Part partFor(CitizenId citizen) {
        List<Map<String, Object>> applications = PersonalData.rows(jdbc.sql("""
                SELECT s.id, s.tracking_number, m.code AS mall_code, m.name AS mall, v.code AS service_code,
                       v.name_id AS service, s.state, s.purpose, s.channel, s.language, s.created_at, s.submitted_at,
                       s.state_entered_at, s.due_at, s.output_document_id, s.anonymized_at
                FROM submission s JOIN mall m ON m.id = s.mall_id JOIN service v ON v.id = s.service_id
                WHERE s.citizen_id = :citizen ORDER BY s.created_at DESC
                """).param("citizen", citizen.value()));
        List<PersonalData.File> files = new ArrayList<>();
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> row : applications) {
            UUID id = (UUID) row.remove("id");
            String folder = "applications/" + (row.get("tracking_number") != null ? row.get("tracking_number")
                    : "draft-" + id.toString().substring(0, 8)) + "/";
            Map<String, Object> application = new LinkedHashMap<>(row);
            application.put("timeline", PersonalData.rows(jdbc.sql("""
                    SELECT at, actor_kind, actor_name, action, from_state, to_state, note FROM submission_step
                    WHERE submission_id = :id ORDER BY at, id
                    """).param("id", id)));
            List<Map<String, Object>> documents = PersonalData.rows(jdbc.sql("""
                    SELECT id, requirement_no, display_name, media_type, size_bytes, sha256, uploaded_at, sealed
                    FROM submission_document WHERE submission_id = :id ORDER BY requirement_no, uploaded_at
                    """).param("id", id));
            for (Map<String, Object> document : documents) {
                UUID documentId = (UUID) document.remove("id");
                String path = folder + "uploaded/" + documentId.toString().substring(0, 8) + "-"
                        + safe((String) document.get("display_name"));
                document.put("file", path);
                files.add(new PersonalData.File(path, () -> jdbc.sql(
                        "SELECT content FROM submission_document WHERE id = :id").param("id", documentId)
                        .query(byte[].class).single()));
            }
            application.put("documents", documents);
            submissions.find(new SubmissionId(id)).filter(s -> s.outputDocumentId() != null).ifPresent(s -> {
                String path = folder + "output-" + s.trackingNumber() + ".pdf";
                application.put("outputFile", path);
                // The citizen's own download: their own reading, which the export logs once for the whole file.
                Party owner = new Party.Applicant(citizen, "", Party.Applicant.WEB);
                files.add(new PersonalData.File(path, () -> submissions.output(s, owner).orElseThrow()));
            });
            result.add(application);
        }
        return new PersonalData.Part("applications", 20, result, files);
    }

    /** A file name safe in a ZIP on every system. */
    static String safe(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return cleaned.isBlank() ? "file" : cleaned;
    }

    @Bean
    Retention.Rule draftRule(@Value("${satupintu.retention.application-drafts}") Duration period) {
        return Retention.rule("application-drafts", period, (cutoff, limit) -> jdbc.sql("""
                DELETE FROM submission WHERE id IN (SELECT id FROM submission WHERE submitted_at IS NULL
                    AND updated_at < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED)
                """).param("cutoff", Timestamp.from(cutoff)).param("limit", limit).update());
    }

    @Bean
    Retention.Rule uploadRule(@Value("${satupintu.retention.application-documents}") Duration period) {
        return Retention.rule("application-documents", period, (cutoff, limit) -> jdbc.sql("""
                DELETE FROM submission_document WHERE id IN (SELECT d.id FROM submission_document d
                    JOIN submission s ON s.id = d.submission_id
                    WHERE s.submitted_at IS NOT NULL AND NOT s.state_open AND s.state_entered_at < :cutoff
                    LIMIT :limit FOR UPDATE OF d SKIP LOCKED)
                """).param("cutoff", Timestamp.from(cutoff)).param("limit", limit).update());
    }

    @Bean
    Retention.Rule applicationRule(@Value("${satupintu.retention.applications}") Duration period) {
        return Retention.rule("applications", period, (cutoff, limit) -> jdbc.sql("""
                WITH expired AS (
                    UPDATE submission SET purpose = '', anonymized_at = :now
                    WHERE id IN (SELECT id FROM submission WHERE submitted_at IS NOT NULL AND NOT state_open
                        AND anonymized_at IS NULL AND state_entered_at < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED)
                    RETURNING id),
                steps AS (
                    UPDATE submission_step SET note = '',
                        actor_name = CASE WHEN actor_kind = 'APPLICANT' THEN '' ELSE actor_name END
                    WHERE submission_id IN (SELECT id FROM expired))
                SELECT count(*) FROM expired
                """).param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .param("now", Timestamp.from(clock.instant())).query(Integer.class).single());
    }
}

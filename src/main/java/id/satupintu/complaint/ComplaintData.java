package id.satupintu.complaint;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.satupintu.shared.CitizenId;
import id.satupintu.shared.PersonalData;
import id.satupintu.shared.Retention;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The complaints' part of a citizen's data: the complaints filed while signed in (an anonymous complaint is reached
 * by its code, not through an account), with their steps as the complainant's page shows them and the attachments.
 * Retention: a closed complaint past its period keeps what the reports count (mall, agency, category, state,
 * dates, rating) and loses its text, its link to the complainant, their contacts and its attachments.
 */
@Component
class ComplaintData implements PersonalData.Source {

    private final JdbcClient jdbc;
    private final Complaints complaints;
    private final Clock clock;

    ComplaintData(JdbcClient jdbc, Complaints complaints, Clock clock) {
        this.jdbc = jdbc;
        this.complaints = complaints;
        this.clock = clock;
    }

    record Step(java.time.Instant at, String actor, String action, String fromState, String toState, String note) {
    }

    @Override
    public PersonalData.Part partFor(CitizenId citizen) {
        List<Map<String, Object>> result = new ArrayList<>();
        List<PersonalData.File> files = new ArrayList<>();
        for (Complaint c : complaints.ofCitizen(citizen)) {
            String folder = "complaints/" + c.code() + "/";
            Map<String, Object> complaint = new LinkedHashMap<>(PersonalData.rows(jdbc.sql("""
                    SELECT m.code AS mall_code, m.name AS mall, c.category_code AS category, c.description,
                           c.language, c.channel, c.state, c.created_at, c.updated_at, c.reopen_count, c.rating,
                           c.lapor_id
                    FROM complaint c JOIN mall m ON m.id = c.mall_id WHERE c.id = :id
                    """).param("id", c.id().value())).getFirst());
            complaint.put("code", c.code().toString());
            complaint.put("contactEmail", c.contactEmail());
            complaint.put("contactPhone", c.contactPhone());
            complaint.put("steps", complaints.timeline(c.id()).stream().filter(ComplaintStep::shownPublicly)
                    .map(s -> new Step(s.at(), s.actorKind().name(), s.action(), s.fromState(), s.toState(),
                            s.publicNote()))
                    .toList());
            List<Map<String, Object>> attachments = new ArrayList<>();
            for (ComplaintAttachment a : complaints.attachments(c.id())) {
                String path = folder + a.id().toString().substring(0, 8) + "-"
                        + a.displayName().replaceAll("[^A-Za-z0-9._-]+", "_");
                attachments.add(Map.of("name", a.displayName(), "mediaType", a.mediaType(), "file", path));
                files.add(new PersonalData.File(path, () -> jdbc.sql(
                        "SELECT content FROM complaint_attachment WHERE id = :id").param("id", a.id())
                        .query(byte[].class).single()));
            }
            complaint.put("attachments", attachments);
            result.add(complaint);
        }
        return new PersonalData.Part("complaints", 40, result, files);
    }

    @Bean
    Retention.Rule complaintRule(@Value("${satupintu.retention.complaints}") Duration period) {
        return Retention.rule("complaints", period, (cutoff, limit) -> jdbc.sql("""
                WITH expired AS (
                    UPDATE complaint SET description = '', citizen_id = NULL, contact_email = NULL,
                        contact_phone = NULL, anonymized_at = :now
                    WHERE id IN (SELECT id FROM complaint WHERE NOT state_open AND anonymized_at IS NULL
                        AND updated_at < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED)
                    RETURNING id),
                steps AS (
                    UPDATE complaint_step SET note = '' WHERE complaint_id IN (SELECT id FROM expired)),
                attachments AS (
                    DELETE FROM complaint_attachment WHERE complaint_id IN (SELECT id FROM expired))
                SELECT count(*) FROM expired
                """).param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .param("now", Timestamp.from(clock.instant())).query(Integer.class).single());
    }
}

package id.satupintu.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of issued documents: the signed PDF and the facts its verification shows. */
@Repository
class IssuedDocuments {

    /** A document as stored, revoked when {@code revokedAt} is set. */
    record Stored(Verification.Document document, Instant revokedAt, String revokedReason) {
    }

    private final JdbcClient jdbc;

    IssuedDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Verification.Document document, byte[] pdf) {
        jdbc.sql("""
                INSERT INTO issued_document (id, reference_number, title, issuer_name, service_name, holder_masked,
                    zone, issued_at, sha256, pdf)
                VALUES (:id, :reference, :title, :issuer, :service, :holder, :zone, :issuedAt, :sha256, :pdf)""")
                .param("id", document.id().value())
                .param("reference", document.referenceNumber())
                .param("title", document.title())
                .param("issuer", document.issuerName())
                .param("service", document.serviceName())
                .param("holder", document.holder())
                .param("zone", document.zone().getId())
                .param("issuedAt", OffsetDateTime.ofInstant(document.issuedAt(), ZoneOffset.UTC))
                .param("sha256", document.sha256Hex())
                .param("pdf", pdf)
                .update();
    }

    Optional<Stored> find(DocumentId id) {
        return jdbc.sql("""
                SELECT id, reference_number, title, issuer_name, service_name, holder_masked, zone, issued_at, sha256,
                    revoked_at, revoked_reason
                FROM issued_document WHERE id = :id""")
                .param("id", id.value())
                .query((rs, row) -> stored(rs))
                .optional();
    }

    Optional<byte[]> pdf(DocumentId id) {
        return jdbc.sql("SELECT pdf FROM issued_document WHERE id = :id").param("id", id.value())
                .query(byte[].class).optional();
    }

    /** Marks the document revoked; false when it does not exist or was revoked before (the first reason stays). */
    boolean revoke(DocumentId id, Instant at, String reason) {
        return jdbc.sql("""
                UPDATE issued_document SET revoked_at = :at, revoked_reason = :reason
                WHERE id = :id AND revoked_at IS NULL""")
                .param("id", id.value())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("reason", reason)
                .update() == 1;
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Stored(new Verification.Document(new DocumentId(rs.getObject("id", java.util.UUID.class)),
                rs.getString("issuer_name"), rs.getString("title"), rs.getString("reference_number"),
                rs.getString("service_name"), rs.getString("holder_masked"), ZoneId.of(rs.getString("zone")),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getString("sha256")),
                revokedAt == null ? null : revokedAt.toInstant(), rs.getString("revoked_reason"));
    }
}

package id.satupintu.survey;

import java.util.HexFormat;

import id.satupintu.identity.StoredSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a response keeps of the ticket or application it rates: a keyed hash (HMAC-SHA256), enough to refuse a second
 * answer and useless for finding the ticket again without the key. The key is {@code SATUPINTU_PERSONAL_DATA_SECRET},
 * or else one kept in the database; the prefix keeps these hashes apart from other uses of that key.
 */
@Component
class SurveyReferences {

    private final StoredSecrets secret;

    SurveyReferences(JdbcClient jdbc, @Value("${satupintu.security.personal-data-secret:}") String configured) {
        this.secret = new StoredSecrets(jdbc, "survey-reference", configured, "SATUPINTU_PERSONAL_DATA_SECRET");
    }

    String ofTicket(String ticketId) {
        return hash("survey:ticket:" + ticketId);
    }

    String ofApplication(String submissionId) {
        return hash("survey:application:" + submissionId);
    }

    private String hash(String text) {
        return HexFormat.of().formatHex(secret.hmac(text));
    }
}

package id.satupintu.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every encrypted personal data column to the current key, in batches: values of an earlier key are
 * re-encrypted, and values stored before encryption are encrypted. Each batch locks its rows ({@code FOR UPDATE SKIP
 * LOCKED}) in its own transaction and rewrites only rows not yet under the current key, so running it twice, or on
 * several instances at once, is harmless. It runs a minute after start and then every six hours; {@link #run} runs
 * it at once.
 */
@Component
class PersonalDataReEncryption {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataReEncryption.class);
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final List<PersonalDataColumns> modules;
    private final TransactionTemplate transaction;

    PersonalDataReEncryption(JdbcClient jdbc, PersonalDataCipher cipher, List<PersonalDataColumns> modules,
            TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.modules = modules;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelay = 6 * 60 * 60 * 1000, initialDelay = 60 * 1000)
    void scheduled() {
        run();
    }

    /** Re-encrypts what is not under the current key; returns how many values moved per {@code table.column}. */
    Map<String, Integer> run() {
        Map<String, Integer> moved = new LinkedHashMap<>();
        for (PersonalDataColumns module : modules) {
            for (PersonalDataColumns.Column column : module.personalDataColumns()) {
                int count = rewrap(column);
                moved.put(column.table() + "." + column.column(), count);
                if (count > 0) {
                    log.info("Re-encrypted {} values of {}.{} with the current personal data key", count,
                            column.table(), column.column());
                }
            }
        }
        return moved;
    }

    private record Stored(UUID id, Object owner, byte[] value) {
    }

    private int rewrap(PersonalDataColumns.Column c) {
        byte[] header = cipher.currentHeader();
        String select = "SELECT id, " + c.ownerSql() + " AS owner, " + c.column() + " AS value FROM " + c.table()
                + " WHERE " + c.column() + " IS NOT NULL AND substring(" + c.column() + " FROM 1 FOR "
                + header.length + ") <> :header AND (CAST(:after AS uuid) IS NULL OR id > CAST(:after AS uuid))"
                + " ORDER BY id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED";
        String update = "UPDATE " + c.table() + " SET " + c.column() + " = :value WHERE id = :id";
        int moved = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            int[] done = {0};
            List<Stored> batch = transaction.execute(status -> {
                List<Stored> rows = jdbc.sql(select).param("header", header).param("after", from)
                        .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("owner"),
                                rs.getBytes("value")))
                        .list();
                for (Stored row : rows) {
                    try {
                        jdbc.sql(update).param("value", cipher.rewrap(row.value(), c.field(), row.owner()))
                                .param("id", row.id()).update();
                        done[0]++;
                    } catch (IllegalStateException e) {
                        log.warn("Cannot re-encrypt {}.{} of row {}: {}", c.table(), c.column(), row.id(),
                                e.getMessage());
                    }
                }
                return rows;
            });
            moved += done[0];
            if (batch.size() < BATCH) {
                return moved;
            }
            after = batch.getLast().id();
        }
    }
}

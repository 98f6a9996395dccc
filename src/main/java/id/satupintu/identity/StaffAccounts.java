package id.satupintu.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import id.satupintu.shared.AgencyId;
import id.satupintu.shared.MallId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: the public face of the identity module for other modules. */
@Service
public class StaffAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    public String hashPassword(String rawPassword) {
        return passwordEncoder.encode(rawPassword);
    }

    @Transactional
    public void createAll(List<NewStaffAccount> accounts) {
        for (NewStaffAccount account : accounts) {
            jdbc.sql("""
                    INSERT INTO staff_account (username, password_hash, display_name, role, mall_id, agency_id)
                    VALUES (:username, :hash, :displayName, :role, :mallId, :agencyId)
                    """)
                    .param("username", account.username().toLowerCase(Locale.ROOT))
                    .param("hash", account.passwordHash())
                    .param("displayName", account.displayName())
                    .param("role", account.role().name())
                    .param("mallId", account.mallId() == null ? null : account.mallId().value())
                    .param("agencyId", account.agencyId() == null ? null : account.agencyId().value())
                    .update();
        }
    }

    /** The roles of the given accounts by username, for the processing trail shown to a data subject. */
    public java.util.Map<String, StaffRole> rolesOf(java.util.Collection<String> usernames) {
        java.util.Map<String, StaffRole> roles = new java.util.HashMap<>();
        if (!usernames.isEmpty()) {
            jdbc.sql("SELECT username, role FROM staff_account WHERE username IN (:usernames)")
                    .param("usernames", List.copyOf(usernames))
                    .query((rs, n) -> roles.put(rs.getString("username"), StaffRole.valueOf(rs.getString("role"))))
                    .list();
        }
        return roles;
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM staff_account").query(Long.class).single();
    }

    Optional<StoredAccount> findByUsername(String username) {
        return jdbc.sql("""
                SELECT id, username, password_hash, display_name, role, mall_id, agency_id, enabled
                FROM staff_account WHERE username = :username
                """)
                .param("username", username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .query((rs, n) -> {
                    long mall = rs.getLong("mall_id");
                    long agency = rs.getLong("agency_id");
                    StaffPrincipal staff = new StaffPrincipal(rs.getLong("id"), rs.getString("username"),
                            rs.getString("display_name"), StaffRole.valueOf(rs.getString("role")),
                            mall == 0 ? null : new MallId(mall), agency == 0 ? null : new AgencyId(agency));
                    return new StoredAccount(staff, rs.getString("password_hash"), rs.getBoolean("enabled"));
                })
                .optional();
    }

    record StoredAccount(StaffPrincipal staff, String passwordHash, boolean enabled) {
    }
}

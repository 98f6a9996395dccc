package id.satupintu.region;

import java.util.List;
import java.util.Optional;

import id.satupintu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to the Kemendagri region register. */
@Service
public class Regions {

    private static final String COLUMNS = "SELECT code, name, level, parent_code FROM region ";

    private final JdbcClient jdbc;

    Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Region> provinces() {
        return jdbc.sql(COLUMNS + "WHERE level = 1 ORDER BY code").query(Region.class).list();
    }

    public List<Region> childrenOf(String parentCode) {
        return jdbc.sql(COLUMNS + "WHERE parent_code = :parent ORDER BY code")
                .param("parent", parentCode)
                .query(Region.class)
                .list();
    }

    public Optional<Region> find(String code) {
        return jdbc.sql(COLUMNS + "WHERE code = :code").param("code", code).query(Region.class).optional();
    }

    public Region get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException(NotFoundException.Code.REGION_NOT_FOUND, code));
    }

    public long count(int level) {
        return jdbc.sql("SELECT count(*) FROM region WHERE level = :level").param("level", level)
                .query(Long.class).single();
    }
}

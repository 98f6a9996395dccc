package id.satupintu.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import id.satupintu.shared.MallId;
import id.satupintu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The malls, their weekly hours and their own days off. */
@Service
public class Malls {

    private static final String MALL_COLUMNS =
            "SELECT id, code, name, region_code, address, time_zone, open_on_collective_leave FROM mall ";

    private final JdbcClient jdbc;

    Malls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Mall> all() {
        return jdbc.sql(MALL_COLUMNS + "ORDER BY code").query(Malls::mall).list();
    }

    public Optional<Mall> findByCode(String code) {
        return jdbc.sql(MALL_COLUMNS + "WHERE code = :code").param("code", code == null ? "" : code.strip())
                .query(Malls::mall).optional();
    }

    public Mall getByCode(String code) {
        return findByCode(code).orElseThrow(() -> new NotFoundException(NotFoundException.Code.MALL_NOT_FOUND, code));
    }

    public Mall get(MallId id) {
        return jdbc.sql(MALL_COLUMNS + "WHERE id = :id").param("id", id.value()).query(Malls::mall).optional()
                .orElseThrow(() -> new NotFoundException(NotFoundException.Code.MALL_NOT_FOUND, id));
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM mall").query(Long.class).single();
    }

    @Transactional
    public MallId create(String code, String name, String regionCode, String address, ZoneId timeZone,
            Collection<OpeningHours> hours) {
        long id = jdbc.sql("""
                INSERT INTO mall (code, name, region_code, address, time_zone)
                VALUES (:code, :name, :region, :address, :zone) RETURNING id
                """)
                .param("code", code).param("name", name).param("region", regionCode)
                .param("address", address).param("zone", timeZone.getId())
                .query(Long.class).single();
        MallId mallId = new MallId(id);
        replaceHours(mallId, hours);
        return mallId;
    }

    public List<OpeningHours> weeklyHours(MallId mall) {
        return jdbc.sql("""
                SELECT day_of_week, opens, closes, break_start, break_end FROM mall_opening_hours
                WHERE mall_id = :mall ORDER BY day_of_week
                """)
                .param("mall", mall.value())
                .query((rs, n) -> new OpeningHours(DayOfWeek.of(rs.getInt("day_of_week")),
                        time(rs, "opens"), time(rs, "closes"), time(rs, "break_start"), time(rs, "break_end")))
                .list();
    }

    /** Replaces the whole weekly schedule; days not given are closed. */
    @Transactional
    public void replaceHours(MallId mall, Collection<OpeningHours> hours) {
        jdbc.sql("DELETE FROM mall_opening_hours WHERE mall_id = :mall").param("mall", mall.value()).update();
        for (OpeningHours day : hours) {
            jdbc.sql("""
                    INSERT INTO mall_opening_hours (mall_id, day_of_week, opens, closes, break_start, break_end)
                    VALUES (:mall, :day, :opens, :closes, :breakStart, :breakEnd)
                    """)
                    .param("mall", mall.value()).param("day", day.day().getValue())
                    .param("opens", day.opens()).param("closes", day.closes())
                    .param("breakStart", day.breakStart()).param("breakEnd", day.breakEnd())
                    .update();
        }
    }

    @Transactional
    public void setOpenOnCollectiveLeave(MallId mall, boolean open) {
        jdbc.sql("UPDATE mall SET open_on_collective_leave = :open WHERE id = :mall")
                .param("open", open).param("mall", mall.value()).update();
    }

    public List<DayOverride> dayOverrides(MallId mall, LocalDate from) {
        return jdbc.sql("SELECT day, open, name FROM mall_day_override WHERE mall_id = :mall AND day >= :from ORDER BY day")
                .param("mall", mall.value()).param("from", from)
                .query((rs, n) -> new DayOverride(rs.getObject("day", LocalDate.class), rs.getBoolean("open"),
                        rs.getString("name")))
                .list();
    }

    @Transactional
    public void putDayOverride(MallId mall, DayOverride override) {
        jdbc.sql("""
                INSERT INTO mall_day_override (mall_id, day, open, name) VALUES (:mall, :day, :open, :name)
                ON CONFLICT (mall_id, day) DO UPDATE SET open = excluded.open, name = excluded.name
                """)
                .param("mall", mall.value()).param("day", override.date()).param("open", override.open())
                .param("name", override.name())
                .update();
    }

    @Transactional
    public void removeDayOverride(MallId mall, LocalDate day) {
        jdbc.sql("DELETE FROM mall_day_override WHERE mall_id = :mall AND day = :day")
                .param("mall", mall.value()).param("day", day).update();
    }

    /** Everything that decides whether the mall serves on one date, read in one round trip. */
    record DayFacts(List<OpeningHours> hours, Optional<DayOverride> override, List<Holiday> holidays) {
    }

    DayFacts dayFacts(MallId mall, LocalDate date) {
        List<OpeningHours> hours = new java.util.ArrayList<>();
        DayOverride[] override = {null};
        List<Holiday> holidays = new java.util.ArrayList<>();
        jdbc.sql("""
                SELECT 'H' AS fact, opens, closes, break_start, break_end, NULL::boolean AS open, NULL AS name,
                       NULL AS kind
                FROM mall_opening_hours WHERE mall_id = :mall AND day_of_week = :weekday
                UNION ALL
                SELECT 'O', NULL, NULL, NULL, NULL, open, name, NULL
                FROM mall_day_override WHERE mall_id = :mall AND day = :date
                UNION ALL
                SELECT 'N', NULL, NULL, NULL, NULL, NULL, name, kind
                FROM national_holiday WHERE holiday_date = :date
                """)
                .param("mall", mall.value()).param("weekday", date.getDayOfWeek().getValue()).param("date", date)
                .query(rs -> {
                    switch (rs.getString("fact")) {
                        case "H" -> hours.add(new OpeningHours(date.getDayOfWeek(), time(rs, "opens"),
                                time(rs, "closes"), time(rs, "break_start"), time(rs, "break_end")));
                        case "O" -> override[0] = new DayOverride(date, rs.getBoolean("open"), rs.getString("name"));
                        default -> holidays.add(new Holiday(date, Holiday.Kind.valueOf(rs.getString("kind")),
                                rs.getString("name")));
                    }
                });
        return new DayFacts(hours, Optional.ofNullable(override[0]), holidays);
    }

    public List<Holiday> nationalHolidays(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT holiday_date, kind, name FROM national_holiday
                WHERE holiday_date BETWEEN :from AND :to ORDER BY holiday_date, kind DESC
                """)
                .param("from", from).param("to", to)
                .query((rs, n) -> new Holiday(rs.getObject("holiday_date", LocalDate.class),
                        Holiday.Kind.valueOf(rs.getString("kind")), rs.getString("name")))
                .list();
    }

    private static Mall mall(ResultSet rs, int row) throws SQLException {
        return new Mall(new MallId(rs.getLong("id")), rs.getString("code"), rs.getString("name"),
                rs.getString("region_code"), rs.getString("address"), ZoneId.of(rs.getString("time_zone")),
                rs.getBoolean("open_on_collective_leave"));
    }

    private static LocalTime time(ResultSet rs, String column) throws SQLException {
        Time time = rs.getTime(column);
        return time == null ? null : time.toLocalTime();
    }
}

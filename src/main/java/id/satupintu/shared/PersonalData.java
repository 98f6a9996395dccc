package id.satupintu.shared;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What SatuPintu holds about one citizen, gathered for the data subject's access request (UU 27/2022). Every module
 * that keeps personal data offers its part through a {@link Source} bean; the module that answers the request
 * collects them without depending on the modules themselves.
 */
public final class PersonalData {

    private PersonalData() {
    }

    /** A module's part of a citizen's data. */
    public interface Source {

        /** What the module holds about the citizen; an empty part when it holds nothing. */
        Part partFor(CitizenId citizen);
    }

    /**
     * A named part of the download.
     *
     * @param name  the key of the part in the download's JSON, such as {@code applications}
     * @param order where the part stands in the download, lowest first
     * @param data  plain values, records, lists and maps that become JSON
     * @param files files that go beside the JSON, such as uploaded documents
     */
    public record Part(String name, int order, Object data, List<File> files) {

        public Part {
            files = List.copyOf(files);
        }

        public static Part of(String name, int order, Object data) {
            return new Part(name, order, data, List.of());
        }
    }

    /** A file of the download, read only when the download is written. */
    public record File(String path, Supplier<byte[]> content) {
    }

    /**
     * The rows of a query as column-to-value maps in the query's column order, with timestamps as instants, so that
     * a module can hand over its records in the form it stores them without a record type for each.
     */
    public static List<Map<String, Object>> rows(JdbcClient.StatementSpec query) {
        return query.query((rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                Object value = rs.getObject(column);
                row.put(rs.getMetaData().getColumnLabel(column), switch (value) {
                    case Timestamp at -> at.toInstant();
                    case java.sql.Date day -> day.toLocalDate();
                    case null, default -> value;
                });
            }
            return row;
        }).list();
    }
}

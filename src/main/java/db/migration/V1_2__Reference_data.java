package db.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the reference data every deployment needs: all regions of Indonesia (Kepmendagri 300.2.2-2138/2025) and the
 * national holidays and collective leave of 2026 and 2027. Both stay editable afterwards (holidays move with moon
 * sighting).
 */
public class V1_2__Reference_data extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        loadRegions(connection);
        loadHolidays(connection);
    }

    private static void loadRegions(Connection connection) throws IOException, SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO region (code, name, level, parent_code) VALUES (?, ?, ?, ?)")) {
            for (String[] row : csv("/reference/regions-kepmendagri-2025.csv")) {
                String code = row[0];
                int level = code.split("\\.").length;
                insert.setString(1, code);
                insert.setString(2, row[1]);
                insert.setInt(3, level);
                insert.setString(4, level == 1 ? null : code.substring(0, code.lastIndexOf('.')));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void loadHolidays(Connection connection) throws IOException, SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO national_holiday (holiday_date, kind, name) VALUES (?, ?, ?)")) {
            for (String[] row : csv("/reference/holidays-2026-2027.csv")) {
                insert.setObject(1, LocalDate.parse(row[0]));
                insert.setString(2, row[1]);
                insert.setString(3, row[2]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Rows of a simple two- or three-column CSV whose last column may contain commas but no quotes. */
    private static List<String[]> csv(String resource) throws IOException {
        InputStream in = V1_2__Reference_data.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing reference data " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            int columns = header.split(",").length;
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.strip().split(",", columns));
                }
            }
        }
        return rows;
    }
}

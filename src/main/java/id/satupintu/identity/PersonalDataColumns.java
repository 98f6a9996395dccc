package id.satupintu.identity;

import java.util.List;

/**
 * The columns of a module that hold personal data encrypted with the {@link PersonalDataCipher}, so that {@link
 * PersonalDataReEncryption} can move them to the current key (and encrypt what was stored before encryption).
 */
public interface PersonalDataColumns {

    List<Column> personalDataColumns();

    /**
     * One encrypted column.
     *
     * @param table    the table, whose primary key is a UUID column {@code id}
     * @param column   the BYTEA column
     * @param field    the field name given to the cipher
     * @param ownerSql the SQL expression of the owner given to the cipher, such as {@code id}
     */
    record Column(String table, String column, String field, String ownerSql) {
    }
}

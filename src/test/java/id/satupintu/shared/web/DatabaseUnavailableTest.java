package id.satupintu.shared.web;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void aDatabaseOutOfReachIsRecognisedHoweverItIsWrapped() {
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection",
                new SQLException("refused", "08001", new ConnectException())))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("while issuing",
                new UncategorizedSQLException("insert", "INSERT", new SQLException("terminating connection due to "
                        + "administrator command", "57P01"))))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void otherFailuresOfTheDatabaseAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new OptimisticLockingFailureException("changed"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
    }
}

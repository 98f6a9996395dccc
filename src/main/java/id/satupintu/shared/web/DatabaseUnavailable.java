package id.satupintu.shared.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure caused by the database being out of reach (restarting, failing over, the pool exhausted for
 * longer than its connection timeout): the caller gets 503 with {@code Retry-After} instead of 500, since the same
 * request will succeed once the database is back.
 */
final class DatabaseUnavailable {

    /** What a client is told to wait before trying again. */
    static final long RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return true;
            }
            // The commit or rollback itself failed on the connection (the server went away mid-transaction): whether
            // the write stayed is unknown until the database is back, and the client is told to try again then.
            if (t instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL states of a lost or refused connection: class 08 (connection exception), and the server shutting down or
     * starting up (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
     */
    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}

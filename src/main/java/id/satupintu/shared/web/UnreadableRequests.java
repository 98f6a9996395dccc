package id.satupintu.shared.web;

import java.sql.SQLException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Failures that mean the client sent something that cannot be read: parameters in a broken encoding, a multipart
 * body without its boundary, a URL the firewall refuses, text the database cannot hold (a NUL character). They are
 * the client's mistake (400), wherever they surface: in a filter, an argument resolver or a query.
 */
final class UnreadableRequests {

    /** PostgreSQL's class of data exceptions: invalid byte sequence, value too long, invalid text representation. */
    private static final String DATA_EXCEPTION = "22";

    private UnreadableRequests() {
    }

    static boolean isUnreadable(Throwable e) {
        if (e instanceof MultipartException && !(e instanceof MaxUploadSizeExceededException)) {
            return true;
        }
        if (e instanceof DataIntegrityViolationException integrity) {
            return integrity.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(DATA_EXCEPTION);
        }
        return e instanceof RequestRejectedException || e instanceof InvalidParameterException
                || e instanceof HttpMessageNotReadableException;
    }
}

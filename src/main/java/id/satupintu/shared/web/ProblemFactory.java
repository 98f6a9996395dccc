package id.satupintu.shared.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorKind;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details with a stable {@code code} and a {@code detail} in the caller's language. The one
 * place where error kinds become HTTP statuses.
 */
@Component
public class ProblemFactory {

    /** The property of a domain error that says after how many seconds to try again. */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    private final MessageSource messages;

    private final DateTexts dates;

    ProblemFactory(MessageSource messages, DateTexts dates) {
        this.messages = messages;
        this.dates = dates;
    }

    public static HttpStatus statusOf(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case SERVICE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The code of a problem that only has an HTTP status to tell: a request that failed before any domain rule. */
    static String codeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "MALFORMED_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "OUT_OF_SCOPE";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status.is4xxClientError() ? "MALFORMED_REQUEST" : "INTERNAL_ERROR";
        };
    }

    /**
     * The {@code Retry-After} of an error that says when to try again (a {@value #RETRY_AFTER_SECONDS} property: rate
     * limits, an unreachable outside system), in whole seconds.
     */
    public static Optional<String> retryAfterSeconds(DomainException e) {
        return e.properties().get(RETRY_AFTER_SECONDS) instanceof Number seconds
                ? Optional.of(Long.toString(seconds.longValue()))
                : Optional.empty();
    }

    public ProblemDetail of(DomainException e, Locale locale) {
        Object[] args = localized(e.args(), locale);
        String detail = message(e.messageKey(), args, locale);
        if (detail == null) {
            detail = message(e.code().messageKey(), args, locale);
        }
        ProblemDetail problem = of(statusOf(e.code().kind()), e.code().name(), detail);
        e.properties().forEach((name, value) -> problem.setProperty(name,
                value instanceof ZonedDateTime time ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) : value));
        return problem;
    }

    /** The detail text of a domain error in the given language. */
    public String detail(DomainException e, Locale locale) {
        Object[] args = localized(e.args(), locale);
        String detail = message(e.messageKey(), args, locale);
        return detail != null ? detail : message(e.code().messageKey(), args, locale);
    }

    /** Dates and times in messages are written out in the reader's language, with the mall's zone (WIB, WITA). */
    private Object[] localized(Object[] args, Locale locale) {
        Object[] result = args.clone();
        for (int i = 0; i < result.length; i++) {
            if (result[i] instanceof ZonedDateTime time) {
                result[i] = dates.dateTime(time, locale);
            } else if (result[i] instanceof LocalDate date) {
                result[i] = dates.date(date, locale);
            }
        }
        return result;
    }

    public ProblemDetail of(HttpStatusCode status, String code, Locale locale, Object... args) {
        return of(status, code, message("error." + code, args, locale));
    }

    public String message(org.springframework.context.MessageSourceResolvable resolvable, Locale locale) {
        try {
            return messages.getMessage(resolvable, locale);
        } catch (NoSuchMessageException e) {
            return resolvable.getDefaultMessage();
        }
    }

    public String message(String key, Object[] args, Locale locale) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return null;
        }
    }

    private static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("https://satupintu.id/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(HttpStatus.valueOf(status.value()).getReasonPhrase());
        problem.setDetail(detail != null ? detail : code);
        problem.setProperty("code", code);
        return problem;
    }
}

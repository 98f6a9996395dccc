package id.satupintu.shared.web;

import java.net.URI;
import java.util.Locale;

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

    private final MessageSource messages;

    ProblemFactory(MessageSource messages) {
        this.messages = messages;
    }

    public static HttpStatus statusOf(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    public ProblemDetail of(DomainException e, Locale locale) {
        String detail = message(e.messageKey(), e.args(), locale);
        if (detail == null) {
            detail = message(e.code().messageKey(), e.args(), locale);
        }
        return of(statusOf(e.code().kind()), e.code().name(), detail);
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

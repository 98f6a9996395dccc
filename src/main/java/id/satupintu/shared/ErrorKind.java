package id.satupintu.shared;

/** How a domain error is classified; the web edge maps each kind to one HTTP status. */
public enum ErrorKind {
    BAD_REQUEST,
    UNAUTHENTICATED,
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT,
    UNPROCESSABLE,
    TOO_MANY_REQUESTS,
    /** A system this one depends on (such as the population registry) cannot answer now; try again later. */
    SERVICE_UNAVAILABLE
}

package id.satupintu.appointment;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;

/** Rules of booking that a request broke. */
public class AppointmentError extends DomainException {

    public enum Code implements ErrorCode {
        SLOT_FULL(ErrorKind.CONFLICT),
        DUPLICATE_BOOKING(ErrorKind.CONFLICT),
        OUTSIDE_BOOKING_WINDOW(ErrorKind.UNPROCESSABLE),
        NO_SUCH_SLOT(ErrorKind.UNPROCESSABLE),
        DAY_CLOSED(ErrorKind.CONFLICT),
        APPOINTMENTS_NOT_OFFERED(ErrorKind.CONFLICT),
        INVALID_BOOKING(ErrorKind.UNPROCESSABLE),
        INVALID_BOOKING_RULES(ErrorKind.UNPROCESSABLE),
        BOOKING_NOT_FOUND(ErrorKind.NOT_FOUND),
        BOOKING_NOT_ACTIVE(ErrorKind.CONFLICT),
        WRONG_MALL(ErrorKind.CONFLICT),
        CHECK_IN_TOO_EARLY(ErrorKind.CONFLICT),
        CHECK_IN_TOO_LATE(ErrorKind.CONFLICT),
        SEATS_BELOW_BOOKED(ErrorKind.CONFLICT);

        private final ErrorKind kind;

        Code(ErrorKind kind) {
            this.kind = kind;
        }

        @Override
        public ErrorKind kind() {
            return kind;
        }
    }

    public AppointmentError(Code code, Object... args) {
        super(code, args);
    }

    private AppointmentError(Code code, String messageKey, Object... args) {
        super(code, messageKey, args);
    }

    /** An error whose detail uses a variant of the code's message, such as one that names alternatives. */
    static AppointmentError withMessage(Code code, String messageKey, Object... args) {
        return new AppointmentError(code, messageKey, args);
    }

    public Code appointmentCode() {
        return (Code) code();
    }

    /** A booking rule out of its range; the field names it. */
    static AppointmentError invalidRules(String field) {
        AppointmentError error = new AppointmentError(Code.INVALID_BOOKING_RULES,
                "error.INVALID_BOOKING_RULES." + field);
        error.with("field", field);
        return error;
    }

    /** A field of a booking that is missing or malformed. */
    static AppointmentError invalidBooking(String field) {
        AppointmentError error = new AppointmentError(Code.INVALID_BOOKING, "error.INVALID_BOOKING." + field);
        error.with("field", field);
        return error;
    }
}

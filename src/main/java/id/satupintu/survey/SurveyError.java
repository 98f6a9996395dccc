package id.satupintu.survey;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;

/** A survey answer or an IKM question the rules refuse. */
public class SurveyError extends DomainException {

    public enum Code implements ErrorCode {
        /** An answer outside 1-4, an unknown element, nothing answered, or a reference missing or doubled. */
        INVALID_SURVEY(ErrorKind.UNPROCESSABLE),
        /** The ticket or application was already rated. */
        ALREADY_ANSWERED(ErrorKind.CONFLICT),
        /** The ticket is not finished or the application not issued yet. */
        SURVEY_NOT_OPEN(ErrorKind.CONFLICT),
        /** The period ends before it starts, or lies in the future. */
        INVALID_PERIOD(ErrorKind.UNPROCESSABLE);

        private final ErrorKind kind;

        Code(ErrorKind kind) {
            this.kind = kind;
        }

        @Override
        public ErrorKind kind() {
            return kind;
        }
    }

    public SurveyError(Code code, Object... args) {
        super(code, args);
    }

    /** An invalid survey with a detail of its own ({@code error.INVALID_SURVEY.<reason>}). */
    static SurveyError invalid(String reason, Object... args) {
        return new SurveyError(Code.INVALID_SURVEY, "error.INVALID_SURVEY." + reason, args);
    }

    private SurveyError(Code code, String messageKey, Object... args) {
        super(code, messageKey, args);
    }
}

package id.satupintu.submission;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;

/** Rules of applying online that a request broke. */
public class SubmissionError extends DomainException {

    public enum Code implements ErrorCode {
        SUBMISSION_NOT_FOUND(ErrorKind.NOT_FOUND),
        SERVICE_NOT_ONLINE(ErrorKind.CONFLICT),
        NOT_EDITABLE(ErrorKind.CONFLICT),
        ALREADY_SUBMITTED(ErrorKind.CONFLICT),
        DOCUMENTS_MISSING(ErrorKind.UNPROCESSABLE),
        NO_SUCH_REQUIREMENT(ErrorKind.UNPROCESSABLE),
        DOCUMENT_NOT_FOUND(ErrorKind.NOT_FOUND),
        TOO_MANY_DOCUMENTS(ErrorKind.CONFLICT),
        CLAIMED_BY_OTHER(ErrorKind.CONFLICT),
        NO_SUCH_OFFICER(ErrorKind.UNPROCESSABLE),
        INVALID_SUBMISSION(ErrorKind.UNPROCESSABLE);

        private final ErrorKind kind;

        Code(ErrorKind kind) {
            this.kind = kind;
        }

        @Override
        public ErrorKind kind() {
            return kind;
        }
    }

    public SubmissionError(Code code, Object... args) {
        super(code, args);
    }

    /** A line of the checklist that only informs: nothing is uploaded for it. */
    static SubmissionError noFileNeeded(int number) {
        return (SubmissionError) new SubmissionError(Code.NO_SUCH_REQUIREMENT, "error.NO_SUCH_REQUIREMENT.note",
                number).with("requirementIndex", number - 1);
    }

    private SubmissionError(Code code, String messageKey, Object... args) {
        super(code, messageKey, args);
    }

    /** A field of the request that is missing or out of bounds; the field names it. */
    static SubmissionError invalid(String field) {
        return (SubmissionError) new SubmissionError(Code.INVALID_SUBMISSION, field).with("field", field);
    }

    static SubmissionError notFound() {
        return new SubmissionError(Code.SUBMISSION_NOT_FOUND);
    }

    public Code submissionCode() {
        return (Code) code();
    }
}

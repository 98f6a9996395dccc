package id.satupintu.document;

import java.util.List;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;

/** An uploaded file that cannot be accepted, or a document that cannot be found or revoked as asked. */
public class DocumentError extends DomainException {

    public enum Code implements ErrorCode {
        FILE_EMPTY(ErrorKind.UNPROCESSABLE),
        FILE_TOO_LARGE(ErrorKind.UNPROCESSABLE),
        FILE_TYPE_NOT_ALLOWED(ErrorKind.UNPROCESSABLE),
        DOCUMENT_NOT_FOUND(ErrorKind.NOT_FOUND),
        INVALID_REVOCATION_REASON(ErrorKind.UNPROCESSABLE);

        private final ErrorKind kind;

        Code(ErrorKind kind) {
            this.kind = kind;
        }

        @Override
        public ErrorKind kind() {
            return kind;
        }
    }

    DocumentError(Code code, Object... args) {
        super(code, args);
    }

    static DocumentError tooLarge(long maxBytes, String readableMaximum) {
        DocumentError error = new DocumentError(Code.FILE_TOO_LARGE, readableMaximum);
        error.with("maxBytes", maxBytes);
        return error;
    }

    static DocumentError typeNotAllowed(List<String> allowed) {
        DocumentError error = new DocumentError(Code.FILE_TYPE_NOT_ALLOWED);
        error.with("allowed", allowed);
        return error;
    }

    public Code documentCode() {
        return (Code) code();
    }
}

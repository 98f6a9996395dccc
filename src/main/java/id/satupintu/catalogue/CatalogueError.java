package id.satupintu.catalogue;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;

/** Rules of the catalogue that a change broke. */
public class CatalogueError extends DomainException {

    public enum Code implements ErrorCode {
        DUPLICATE_CODE(ErrorKind.CONFLICT),
        CODE_REQUIRED(ErrorKind.UNPROCESSABLE),
        SERVICE_OF_OTHER_AGENCY(ErrorKind.UNPROCESSABLE),
        STALE_VERSION(ErrorKind.CONFLICT);

        private final ErrorKind kind;

        Code(ErrorKind kind) {
            this.kind = kind;
        }

        @Override
        public ErrorKind kind() {
            return kind;
        }
    }

    CatalogueError(Code code, Object... args) {
        super(code, args);
    }
}

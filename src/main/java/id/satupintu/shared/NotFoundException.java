package id.satupintu.shared;

/** Something asked for by its id or code does not exist. */
public class NotFoundException extends DomainException {

    public enum Code implements ErrorCode {
        MALL_NOT_FOUND, SERVICE_NOT_FOUND, AGENCY_NOT_FOUND, COUNTER_NOT_FOUND, REGION_NOT_FOUND, ACCOUNT_NOT_FOUND;

        @Override
        public ErrorKind kind() {
            return ErrorKind.NOT_FOUND;
        }
    }

    public NotFoundException(Code code, Object... args) {
        super(code, args);
    }
}

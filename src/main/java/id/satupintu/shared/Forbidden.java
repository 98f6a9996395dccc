package id.satupintu.shared;

/** The caller is signed in but the action lies outside their scope (another mall, agency or counter). */
public class Forbidden extends DomainException {

    public enum Code implements ErrorCode {
        OUT_OF_SCOPE;

        @Override
        public ErrorKind kind() {
            return ErrorKind.FORBIDDEN;
        }
    }

    public Forbidden() {
        super(Code.OUT_OF_SCOPE);
    }
}

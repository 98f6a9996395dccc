package id.satupintu.workflow;

import org.springframework.context.MessageSourceResolvable;

/** A code that resolves to its human label under {@code <prefix><CODE>}, or to the code itself without one. */
interface LabelledCode extends MessageSourceResolvable {

    String value();

    String labelPrefix();

    @Override
    default String[] getCodes() {
        return new String[] {labelPrefix() + value()};
    }

    @Override
    default String getDefaultMessage() {
        return value();
    }
}

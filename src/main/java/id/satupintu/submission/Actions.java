package id.satupintu.submission;

import java.util.Locale;

import id.satupintu.workflow.ActionCode;

/** Reads an action code from a form or a request body, forgiving case and spaces around it. */
final class Actions {

    private Actions() {
    }

    static ActionCode parse(String text) {
        return new ActionCode(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
    }
}

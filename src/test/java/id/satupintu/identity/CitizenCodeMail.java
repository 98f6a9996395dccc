package id.satupintu.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import id.satupintu.TestMailServer;

/** Reads a citizen's one-time code out of the e-mail that carried it, as the citizen would. */
public final class CitizenCodeMail {

    public static final String SUBJECT = "Kode verifikasi SatuPintu";

    /** In the text part the code stands on a line of its own. */
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^(\\d{6})\\s*$");

    private CitizenCodeMail() {
    }

    /** The code in the {@code nth} (from 1) code e-mail to {@code email}, waiting for it up to ten seconds. */
    public static String awaitCode(String email, int nth) throws InterruptedException {
        String body = GreenMailUtil.getBody(TestMailServer.awaitMail(email, SUBJECT, nth));
        Matcher code = CODE_LINE.matcher(body);
        if (!code.find()) {
            throw new AssertionError("No code in the e-mail to " + email + ":\n" + body);
        }
        return code.group(1);
    }
}

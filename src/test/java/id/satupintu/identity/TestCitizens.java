package id.satupintu.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import id.satupintu.ApiClient;
import id.satupintu.TestMailServer;
import id.satupintu.shared.CitizenId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo citizens in tests: each test that signs one up starts from a citizen without an account (tests share the
 * application and its database), and reads the one-time code out of the e-mail as the citizen would.
 */
public final class TestCitizens {

    public static final String SUBJECT = "Kode verifikasi SatuPintu";

    /** In the text part the code stands on a line of its own. */
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^(\\d{6})\\s*$");

    private TestCitizens() {
    }

    /** Removes the demo citizen's account, if an earlier test made one, so that this test can sign them up. */
    /** Gives an existing account another e-mail address, stored as the application stores it: encrypted. */
    public static void changeEmail(JdbcClient jdbc, PersonalDataCipher cipher, CitizenId citizen, String email) {
        jdbc.sql("UPDATE citizen SET email = :email WHERE id = :id")
                .param("email", cipher.seal(email, Citizens.EMAIL, citizen.value()))
                .param("id", citizen.value()).update();
    }

    public static void withoutAccount(JdbcClient jdbc, NikFingerprints fingerprints, String nik) {
        jdbc.sql("""
                DELETE FROM submission WHERE citizen_id IN (SELECT id FROM citizen WHERE nik_fingerprint = :fingerprint)
                """).param("fingerprint", fingerprints.of(Nik.parse(nik))).update();
        jdbc.sql("DELETE FROM citizen WHERE nik_fingerprint = :fingerprint")
                .param("fingerprint", fingerprints.of(Nik.parse(nik))).update();
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

    /** Posts the sign-up form, with the consent box ticked when {@code consent}. */
    public static ApiClient.Response signUp(ApiClient web, String nik, String name, String birthDate, String email,
            String phone, boolean consent) {
        String csrf = web.csrfFrom(web.get("/citizen/sign-up").body());
        String form = ApiClient.form("_csrf", csrf, "nik", nik, "fullName", name, "birthDate", birthDate, "email",
                email, "phone", phone);
        return web.postForm("/citizen/sign-up", consent ? form + "&consent=true" : form);
    }

    public static ApiClient.Response signIn(ApiClient web, String nik, String contact) {
        String csrf = web.csrfFrom(web.get("/citizen/sign-in").body());
        return web.postForm("/citizen/sign-in", ApiClient.form("_csrf", csrf, "nik", nik, "contact", contact));
    }

    public static ApiClient.Response enterCode(ApiClient web, String code) {
        String csrf = web.csrfFrom(web.get("/citizen/code").body());
        return web.postForm("/citizen/code", ApiClient.form("_csrf", csrf, "code", code));
    }
}

package id.satupintu.browser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline demo: no mail server and no SMS provider, so messages only land in the outbox. A newcomer still signs
 * in as a demo citizen, because the code page shows the code, clearly marked as a demo.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CitizenDemoBrowserTests {

    @RegisterExtension
    static Browser browser = new Browser();

    @Test
    void withoutRealGatewaysTheCodePageShowsTheCodeAsADemo() {
        browser.phone().open("/citizen/sign-up");
        browser.type("#nik", "7402022307920004").type("#fullName", "Andi Pratama").setValue("#birthDate", "1992-07-23")
                .type("#phone", "081234567890");
        browser.find("#consent").click();
        browser.clickAndWait("#sign-up");
        assertThat(browser.path()).isEqualTo("/citizen/code");
        String notice = browser.text("#demo-code");
        assertThat(notice).startsWith("Mode demo").contains("Pesan tidak benar-benar dikirim. Kode Anda: ");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("citizen-account-code-demo-phone");

        Matcher code = Pattern.compile("Kode Anda: (\\d{6})").matcher(notice);
        assertThat(code.find()).isTrue();
        browser.type("#code", code.group(1));
        browser.clickAndWait("#confirm");
        assertThat(browser.text("h1")).isEqualTo("Halo, Andi Pratama");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}

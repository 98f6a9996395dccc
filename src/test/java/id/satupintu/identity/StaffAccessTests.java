package id.satupintu.identity;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.ServiceRequests;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.Malls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static id.satupintu.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Staff sign in and act only within their scope, through the API and through the web forms. */
@SatuPintuTest
class StaffAccessTests {

    static final String PASSWORD = "mpp-demo-2026";

    @LocalServerPort
    int port;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aTokenIsIssuedForRightCredentialsOnly() {
        ApiClient.Response ok = api.postJson("/api/v1/auth/token",
                "{\"username\":\"manager-3671\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(ok.json().get("expiresIn").asLong()).isPositive();
        assertThat(ok.json().get("accessToken").asString().split("\\.")).hasSize(3);

        ApiClient.Response wrong = api.postJson("/api/v1/auth/token",
                "{\"username\":\"manager-3671\",\"password\":\"wrong\"}", "Accept-Language", "en");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asString()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(wrong.json().get("detail").asString()).isEqualTo("Wrong username or password.");

        ApiClient.Response unknown = api.postJson("/api/v1/auth/token",
                "{\"username\":\"nobody\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(unknown.status()).isEqualTo(401);
    }

    @Test
    void everyDemoRoleCanSignIn() {
        for (String username : new String[] {"admin", "manager-7202", "officer-3671-dukcapil", "officer-7402-polri"}) {
            assertThat(api.token(username, PASSWORD)).isNotBlank();
        }
    }

    @Test
    void aManagerChangesOwnMallsServiceButNotAnotherMalls() {
        String token = api.token("manager-3671", PASSWORD);
        MallService own = anyService("36.71");
        ApiClient.Response changed = api.putJson("/api/v1/malls/36.71/services/" + own.code(),
                ServiceRequests.json(catalogue, own, "Rp0 (uji perubahan)", 42), "Authorization", bearer(token));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("fee").asString()).isEqualTo("Rp0 (uji perubahan)");
        assertThat(catalogue.service(malls.getByCode("36.71").id(), own.code()).dailyQuota()).isEqualTo(42);

        MallService other = anyService("72.02");
        ApiClient.Response refused = api.putJson("/api/v1/malls/72.02/services/" + other.code(),
                ServiceRequests.json(catalogue, other, "Rp1", 1), "Authorization", bearer(token));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(catalogue.service(malls.getByCode("72.02").id(), other.code())).isEqualTo(other);
    }

    @Test
    void anOfficerCannotChangeTheCatalogueButTheNationalAdminCan() {
        MallService service = anyService("74.02");
        String officer = api.token("officer-7402-dukcapil", PASSWORD);
        assertThat(api.putJson("/api/v1/malls/74.02/services/" + service.code(), ServiceRequests.json(catalogue, service, "Rp2", 2),
                "Authorization", bearer(officer)).status()).isEqualTo(403);
        assertThat(catalogue.service(malls.getByCode("74.02").id(), service.code())).isEqualTo(service);

        String admin = api.token("admin", PASSWORD);
        assertThat(api.putJson("/api/v1/malls/74.02/services/" + service.code(), ServiceRequests.json(catalogue, service, service.fee(), 7),
                "Authorization", bearer(admin)).status()).isEqualTo(200);
    }

    @Test
    void writesWithoutAValidTokenAreRefused() {
        MallService service = anyService("36.71");
        ApiClient.Response anonymous = api.putJson("/api/v1/malls/36.71/services/" + service.code(),
                ServiceRequests.json(catalogue, service, "Rp3", 3));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(anonymous.json().get("detail").asString()).startsWith("Silakan masuk");
        ApiClient.Response forged = api.putJson("/api/v1/malls/36.71/services/" + service.code(),
                ServiceRequests.json(catalogue, service, "Rp3", 3), "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void invalidInputIsRefusedWithFieldErrorsAndChangesNothing() {
        String token = api.token("manager-3671", PASSWORD);
        MallService service = anyService("36.71");
        MallService before = catalogue.service(malls.getByCode("36.71").id(), service.code());
        String bad = ServiceRequests.json(catalogue, service, "", 0).replace("\"ticketPrefix\":\"" + service.ticketPrefix() + "\"",
                "\"ticketPrefix\":\"a1\"");
        ApiClient.Response response = api.putJson("/api/v1/malls/36.71/services/" + service.code(), bad,
                "Authorization", bearer(token), "Accept-Language", "en");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_INPUT");
        assertThat(response.json().get("errors").toString()).contains("ticketPrefix", "fee", "dailyQuota");
        assertThat(catalogue.service(malls.getByCode("36.71").id(), service.code())).isEqualTo(before);

        ApiClient.Response broken = api.putJson("/api/v1/malls/36.71/services/" + service.code(), "{\"fee\": [",
                "Authorization", bearer(token));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void aManagerSignedInOnTheWebCannotOpenAnotherMallsForms() {
        ApiClient.Response login = api.signIn("manager-3671", PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/staff");
        assertThat(api.get("/manage/36.71").status()).isEqualTo(200);
        assertThat(api.get("/manage/72.02").status()).isEqualTo(403);

        MallService other = anyService("72.02");
        String csrf = api.csrfFrom(api.get("/manage/36.71/services/" + anyService("36.71").code()).body());
        ApiClient.Response post = api.postForm("/manage/72.02/services/" + other.code(),
                "_csrf=" + csrf + "&agencyCode=x&code=" + other.code() + "&nameId=Diretas&nameEn=Hijacked");
        assertThat(post.status()).isEqualTo(403);
        assertThat(catalogue.service(malls.getByCode("72.02").id(), other.code())).isEqualTo(other);
    }

    @Test
    void aFailedWebSignInSaysSo() {
        ApiClient.Response login = api.signIn("manager-3671", "wrong");
        assertThat(login.header("Location")).endsWith("/login?error");
        assertThat(api.get("/manage/36.71").status()).isEqualTo(302);
    }

    private MallService anyService(String mallCode) {
        return catalogue.activeServices(malls.getByCode(mallCode).id()).getLast();
    }

}

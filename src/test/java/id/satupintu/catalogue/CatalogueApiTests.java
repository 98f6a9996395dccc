package id.satupintu.catalogue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@SatuPintuTest
class CatalogueApiTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void listsTheFourteenMallsWithTheirRegionCodeAndTimeZone() {
        ApiClient.Response response = api.get("/api/v1/malls");
        assertThat(response.status()).isEqualTo(200);
        JsonNode malls = response.json();
        assertThat(malls.size()).isEqualTo(14);
        JsonNode tangerang = find(malls, "36.71");
        assertThat(tangerang.get("name").asString()).isEqualTo("MPP Kota Tangerang");
        assertThat(tangerang.get("regionCode").asString()).isEqualTo("36.71");
        assertThat(tangerang.get("timeZone").asString()).isEqualTo("Asia/Jakarta");
        assertThat(find(malls, "72.02").get("timeZone").asString()).isEqualTo("Asia/Makassar");
        assertThat(find(malls, "61.12").get("timeZone").asString()).isEqualTo("Asia/Pontianak");
    }

    @Test
    void servicesCarryTheSixPublicComponentsOfTheirStandard() {
        JsonNode services = api.get("/api/v1/malls/36.71/services").json();
        assertThat(services.size()).isGreaterThanOrEqualTo(20);
        for (JsonNode service : services) {
            assertThat(service.get("code").asString()).matches("[a-z0-9-]+");
            assertThat(service.get("name").asString()).isNotBlank();
            assertThat(service.get("agency").get("code").asString()).isNotBlank();
            assertThat(service.get("agency").get("name").asString()).isNotBlank();
            assertThat(service.get("ticketPrefix").asString()).matches("[A-Z]{1,2}");
            assertThat(service.get("requirements").size()).isPositive();
            assertThat(service.get("procedure").asString()).isNotBlank();
            assertThat(service.get("procedureSteps").size()).isPositive();
            assertThat(service.get("completionTime").asString()).isNotBlank();
            assertThat(service.get("fee").asString()).isNotBlank();
            assertThat(service.get("product").asString()).isNotBlank();
            assertThat(service.get("complaintChannel").asString()).isNotBlank();
            assertThat(service.get("online").isBoolean()).isTrue();
        }
    }

    @Test
    void namesFollowTheRequestLanguage() {
        JsonNode indonesian = api.get("/api/v1/malls/36.71/services").json().get(0);
        JsonNode english = api.get("/api/v1/malls/36.71/services", "Accept-Language", "en").json().get(0);
        assertThat(indonesian.get("code").asString()).isEqualTo(english.get("code").asString());
        assertThat(indonesian.get("name").asString()).isNotEqualTo(english.get("name").asString());
    }

    @Test
    void theCatalogueHoldsAtLeastSixtyServicesAndMallsDiffer() {
        Set<String> allCodes = new HashSet<>();
        Set<Set<String>> agencySets = new HashSet<>();
        for (JsonNode mall : api.get("/api/v1/malls").json()) {
            JsonNode services = api.get("/api/v1/malls/" + mall.get("code").asString() + "/services").json();
            Set<String> agencies = new HashSet<>();
            services.forEach(s -> {
                allCodes.add(s.get("code").asString());
                agencies.add(s.get("agency").get("code").asString());
            });
            assertThat(agencies).hasSizeBetween(6, 10);
            agencySets.add(agencies);
        }
        assertThat(allCodes).hasSizeGreaterThanOrEqualTo(60);
        assertThat(agencySets).as("malls host different agencies").hasSizeGreaterThan(3);
    }

    @Test
    void anUnknownMallIsA404ProblemInTheCallersLanguage() {
        ApiClient.Response indonesian = api.get("/api/v1/malls/99.99/services");
        assertThat(indonesian.status()).isEqualTo(404);
        assertThat(indonesian.header("Content-Type")).startsWith("application/problem+json");
        assertThat(indonesian.json().get("code").asString()).isEqualTo("MALL_NOT_FOUND");
        assertThat(indonesian.json().get("detail").asString()).contains("tidak ditemukan");

        ApiClient.Response english = api.get("/api/v1/malls/99.99/services", "Accept-Language", "en-US,en;q=0.9");
        assertThat(english.json().get("detail").asString()).isEqualTo("No mall has the code 99.99.");
    }

    @Test
    void anUnknownServiceIsA404() {
        ApiClient.Response response = api.get("/api/v1/malls/36.71/services/no-such-service");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("SERVICE_NOT_FOUND");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at id.satupintu");
    }

    @Test
    void regionsAreQueryableByParent() {
        JsonNode provinces = api.get("/api/v1/regions").json();
        assertThat(provinces.size()).isEqualTo(38);
        JsonNode banten = api.get("/api/v1/regions?parent=36").json();
        assertThat(names(banten)).contains("Kota Tangerang");
        JsonNode districts = api.get("/api/v1/regions?parent=72.02").json();
        assertThat(districts.size()).isGreaterThan(10);
        assertThat(api.get("/api/v1/regions/72.02").json().get("name").asString()).isEqualTo("Kabupaten Poso");
        assertThat(api.get("/api/v1/regions?parent=99").status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDescriptionIsServedWithTheContractPaths() {
        ApiClient.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/v1/malls")).isTrue();
        assertThat(paths.has("/api/v1/malls/{mallCode}/services")).isTrue();
        assertThat(paths.has("/api/v1/auth/token")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private static JsonNode find(JsonNode array, String code) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(node -> code.equals(node.get("code").asString())).findFirst().orElseThrow();
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get("name").asString()).toList();
    }
}

package id.satupintu.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.satupintu.ApiClient;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.ServiceDraft;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service of its own, with a counter of its own, for a test class to rate, so that its numbers are not mixed with
 * what other tests do in the shared application; and tickets finished there through the API, as an officer does.
 */
public final class SurveyFixtures {

    public static final String PASSWORD = "mpp-demo-2026";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;
    private final String mallCode;
    private final String officer;
    private final String serviceCode;
    private final long counter;

    /** Creates the service and its counter under the agency, and opens the counter as the agency's officer. */
    public SurveyFixtures(ApiClient api, Catalogue catalogue, Malls malls, String mallCode, String agencyCode,
            String prefix) {
        this.api = api;
        this.mallCode = mallCode;
        Mall mall = malls.getByCode(mallCode);
        this.serviceCode = "survei-" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.createService(mall.id(), new ServiceDraft(agencyCode, serviceCode, "Layanan Uji Survei " + prefix,
                "Survey test service " + prefix, "KTP-el", "Datang ke loket", "1 hari", "Gratis", "-", "Surat",
                "Loket pengaduan", null, prefix, null, false, true));
        this.counter = catalogue.createCounter(mall.id(), agencyCode, "Loket Survei " + serviceCode,
                List.of(serviceCode)).value();
        this.officer = api.token("officer-" + mall.compactCode() + "-" + agencyCode, PASSWORD);
        assertThat(post("/api/v1/counters/" + counter + "/open").status()).isEqualTo(200);
    }

    public String mallCode() {
        return mallCode;
    }

    public String serviceCode() {
        return serviceCode;
    }

    public long counter() {
        return counter;
    }

    /**
     * A ticket taken, called, served and finished: the id of a ticket whose citizen may answer the survey. Tickets
     * an earlier test left waiting at the counter are served on the way.
     */
    public String finishedTicket() {
        return serve(waitingTicket());
    }

    /** Calls, serves and finishes the ticket (and any that waited before it at the counter); returns its id. */
    public String serve(String id) {
        // Opened again each time: the day-end job may have closed the idle counter since the last ticket.
        assertThat(post("/api/v1/counters/" + counter + "/open").status()).isEqualTo(200);
        String called;
        do {
            ApiClient.Response next = post("/api/v1/counters/" + counter + "/call-next");
            assertThat(next.status()).as(next.body()).isEqualTo(200);
            called = next.json().get("id").asString();
            assertThat(post("/api/v1/tickets/" + called + "/start").status()).isEqualTo(200);
            ApiClient.Response finished = api.postJson("/api/v1/tickets/" + called + "/finish",
                    "{\"outcome\":\"COMPLETED\"}", "Authorization", ApiClient.bearer(officer));
            assertThat(finished.json().get("status").asString()).isEqualTo("DONE");
        } while (!called.equals(id));
        return id;
    }

    public String waitingTicket() {
        ApiClient.Response issued = api.postJson("/api/v1/malls/" + mallCode + "/tickets",
                JSON.writeValueAsString(Map.of("serviceCode", serviceCode)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("id").asString();
    }

    private ApiClient.Response post(String path) {
        return api.postJson(path, "", "Authorization", ApiClient.bearer(officer));
    }
}

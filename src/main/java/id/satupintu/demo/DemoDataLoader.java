package id.satupintu.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.satupintu.appointment.Appointments;
import id.satupintu.appointment.BookingRules;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.ServiceDraft;
import id.satupintu.identity.ApiClients;
import id.satupintu.identity.IntegratorPrincipal;
import id.satupintu.identity.NewStaffAccount;
import id.satupintu.identity.StaffAccounts;
import id.satupintu.identity.StaffRole;
import id.satupintu.region.Malls;
import id.satupintu.region.OpeningHours;
import id.satupintu.region.Region;
import id.satupintu.region.Regions;
import id.satupintu.shared.AgencyId;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo malls, catalogue and staff accounts when the database has no mall yet and demo data is switched on
 * ({@code SATUPINTU_DEMO_DATA}; by default on for the embedded database and off for an external one). Safe when
 * several instances start together: the first takes an advisory lock, the others find the data there.
 */
@Component
@Order(1)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final long LOCK_KEY = 0x5A7D_0001L;
    /** The demo integrator's client id; its secret is the demo password. */
    static final String DEMO_CLIENT = "superapp-demo";

    /** The services whose quotas go fast, which the demo malls open for appointments. */
    private static final Set<String> BOOKABLE = Set.of("imigrasi-paspor-baru", "imigrasi-paspor-penggantian",
            "sim-a-perpanjangan", "sim-c-perpanjangan", "skck-baru", "ktp-el-baru", "bpn-pengecekan-sertipikat");

    private final Malls malls;
    private final Regions regions;
    private final Catalogue catalogue;
    private final Appointments appointments;
    private final StaffAccounts accounts;
    private final ApiClients apiClients;
    private final DemoSurveys surveys;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final boolean enabled;
    private final String password;

    DemoDataLoader(Malls malls, Regions regions, Catalogue catalogue, Appointments appointments,
            StaffAccounts accounts, ApiClients apiClients, DemoSurveys surveys, JdbcClient jdbc,
            TransactionTemplate transaction, JsonMapper json, Environment environment,
            @Value("${satupintu.demo.password}") String password) {
        this.malls = malls;
        this.regions = regions;
        this.catalogue = catalogue;
        this.appointments = appointments;
        this.accounts = accounts;
        this.apiClients = apiClients;
        this.surveys = surveys;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.password = password;
        String setting = environment.getProperty("satupintu.demo.data", "");
        boolean embedded = environment.getProperty("spring.datasource.url", "").isBlank();
        this.enabled = setting.isBlank() ? embedded : Boolean.parseBoolean(setting.strip());
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Object.class).single();
            if (malls.count() > 0) {
                return;
            }
            load();
        });
    }

    void load() {
        DemoCatalogue.Catalogue templates = read("demo/catalogue.json", new TypeReference<>() { });
        List<DemoCatalogue.MallTemplate> mallTemplates = read("demo/malls.json", new TypeReference<>() { });
        Map<String, DemoCatalogue.AgencyTemplate> agencyTemplates = new LinkedHashMap<>();
        templates.agencies().forEach(a -> agencyTemplates.put(a.code(), a));

        String hash = accounts.hashPassword(password);
        List<NewStaffAccount> staff = new ArrayList<>();
        staff.add(new NewStaffAccount("admin", hash, "Administrator Nasional", StaffRole.NATIONAL_ADMIN, null, null));
        int services = 0;
        for (DemoCatalogue.MallTemplate template : mallTemplates) {
            Region region = regions.get(template.code());
            List<OpeningHours> hours = template.hours().entrySet().stream()
                    .map(e -> new OpeningHours(e.getKey(), e.getValue().opens(), e.getValue().closes(),
                            e.getValue().breakStart(), e.getValue().breakEnd()))
                    .toList();
            MallId mall = malls.create(template.code(), template.name(), template.code(), template.address(),
                    ZoneId.of(template.timeZone()), hours);
            String compact = template.code().replace(".", "");
            staff.add(new NewStaffAccount("manager-" + compact, hash, "Pengelola " + template.name(),
                    StaffRole.MALL_MANAGER, mall, null));
            int order = 0;
            for (Map.Entry<String, DemoCatalogue.Tenant> tenant : template.agencies().entrySet()) {
                DemoCatalogue.AgencyTemplate agency = agencyTemplates.get(tenant.getKey());
                if (agency == null) {
                    throw new IllegalStateException("Unknown agency " + tenant.getKey() + " in " + template.code());
                }
                AgencyId agencyId = catalogue.createAgency(mall, agency.code(), agency.name(), order += 10);
                List<String> offered = new ArrayList<>();
                for (DemoCatalogue.ServiceTemplate service : agency.services()) {
                    List<String> chosen = tenant.getValue().services();
                    if (chosen == null || chosen.isEmpty() || chosen.contains(service.code())) {
                        ServiceId serviceId = catalogue.createService(mall, draft(agency, service, region,
                                Optional.ofNullable(template.overrides()).map(o -> o.get(service.code()))));
                        if (BOOKABLE.contains(service.code())) {
                            appointments.configure(mall, serviceId, BookingRules.defaults());
                        }
                        offered.add(service.code());
                        services++;
                    }
                }
                for (int i = 1; i <= tenant.getValue().counters(); i++) {
                    catalogue.createCounter(mall, agency.code(), agency.ticketPrefix() + " - Loket " + i, offered);
                }
                staff.add(new NewStaffAccount("officer-" + compact + "-" + agency.code(), hash,
                        "Petugas " + agency.name().id() + ", " + template.name(), StaffRole.OFFICER, mall, agencyId));
            }
        }
        accounts.createAll(staff);
        // Marks the database as a demo: tools that make up activity (the history generator) run only on such a one.
        jdbc.sql("INSERT INTO demo_database (marked_at) VALUES (now()) ON CONFLICT DO NOTHING").update();
        apiClients.register(DEMO_CLIENT, "Super-app demo (Kota Tangerang Live)", password,
                Set.of(IntegratorPrincipal.SUBMISSIONS_SCOPE));
        surveys.load();
        log.info("Demo data loaded: {} malls, {} services, {} staff accounts", mallTemplates.size(), services,
                staff.size());
    }

    private static ServiceDraft draft(DemoCatalogue.AgencyTemplate agency, DemoCatalogue.ServiceTemplate service,
            Region region, Optional<DemoCatalogue.Override> override) {
        String fee = override.map(DemoCatalogue.Override::fee).orElse(service.fee());
        String feeBasis = override.map(DemoCatalogue.Override::feeLegalBasis).orElse(service.feeLegalBasis());
        Integer quota = override.map(DemoCatalogue.Override::dailyQuota).orElse(service.dailyQuota());
        return new ServiceDraft(agency.code(), service.code(), service.name().id(), service.name().en(),
                String.join("\n", service.requirements()), String.join("\n", service.procedure()),
                service.completionTime(), regional(fee, region), regional(feeBasis, region), service.product(),
                service.complaintChannel(), service.legalBasis(), agency.ticketPrefix(), quota, service.online(),
                true);
    }

    private static String regional(String text, Region region) {
        return text == null ? null : text.replace("{region}", region.name());
    }

    private <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo data " + resource, e);
        }
    }
}

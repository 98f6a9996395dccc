package id.satupintu.queue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each mall's {@link MallSetup} in memory. Every change to malls, their days, services or counters moves the
 * configuration version in the same transaction (triggers in the database, whichever instance or tool made the
 * change); the issuing transaction reads that version and loads the setup again when the kept one is older, so the
 * kept setup is as current as reading it all again would be.
 */
@Component
class MallSetups {

    private final Malls malls;
    private final Catalogue catalogue;
    private final JdbcClient jdbc;
    private final Map<String, MallSetup> byCode = new ConcurrentHashMap<>();

    MallSetups(Malls malls, Catalogue catalogue, JdbcClient jdbc) {
        this.malls = malls;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
    }

    /** The kept setup of the mall, possibly older than the database: check it with {@link #current}. */
    MallSetup get(String mallCode) {
        MallSetup setup = byCode.get(mallCode == null ? "" : mallCode.strip());
        return setup != null ? setup : load(mallCode);
    }

    /** The setup, loaded again if it is older than {@code version}, the version the caller's transaction read. */
    MallSetup current(MallSetup setup, long version) {
        return setup.version() >= version ? setup : load(setup.mall().code());
    }

    private MallSetup load(String mallCode) {
        // The version is read before the data, so the data is at least as new as the version it is kept under.
        long version = jdbc.sql("SELECT version FROM configuration_version").query(Long.class).single();
        Mall mall = malls.getByCode(mallCode);
        Map<String, MallService> services = catalogue.services(mall.id()).stream()
                .collect(Collectors.toMap(MallService::code, Function.identity()));
        MallSetup setup = new MallSetup(version, mall, services, catalogue.counters(mall.id()));
        return byCode.merge(mall.code(), setup, (kept, loaded) -> loaded.version() >= kept.version() ? loaded : kept);
    }
}

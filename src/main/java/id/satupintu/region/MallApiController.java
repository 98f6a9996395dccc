package id.satupintu.region;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Malls and services")
class MallApiController {

    private final Malls malls;

    MallApiController(Malls malls) {
        this.malls = malls;
    }

    @GetMapping("/api/v1/malls")
    @Operation(summary = "All malls")
    List<MallSummary> all() {
        return malls.all().stream().map(MallSummary::of).toList();
    }

    @GetMapping("/api/v1/malls/{mallCode}")
    @Operation(summary = "One mall by its code")
    MallSummary one(@PathVariable String mallCode) {
        return MallSummary.of(malls.getByCode(mallCode));
    }

    record MallSummary(String code, String name, String regionCode, String timeZone, String address) {
        static MallSummary of(Mall mall) {
            return new MallSummary(mall.code(), mall.name(), mall.regionCode(), mall.timeZone().getId(),
                    mall.address());
        }
    }
}

package id.satupintu.region;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Regions")
class RegionApiController {

    private final Regions regions;

    RegionApiController(Regions regions) {
        this.regions = regions;
    }

    @GetMapping("/api/v1/regions")
    @Operation(summary = "Provinces, or the regencies/cities or districts under a parent region code")
    List<Region> list(@RequestParam(required = false) String parent) {
        if (parent == null || parent.isBlank()) {
            return regions.provinces();
        }
        regions.get(parent.strip());
        return regions.childrenOf(parent.strip());
    }

    @GetMapping("/api/v1/regions/{code}")
    @Operation(summary = "One region by its Kemendagri code")
    Region one(@PathVariable String code) {
        return regions.get(code);
    }
}

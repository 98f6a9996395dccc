package id.satupintu.region;

import java.util.List;
import java.util.Optional;

import id.satupintu.shared.NotFoundException;
import id.satupintu.shared.web.DateTexts;
import id.satupintu.shared.web.ProblemFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Web slice: the region API's JSON shape and its problem responses, without a database. */
@WebMvcTest(RegionApiController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemFactory.class, DateTexts.class})
class RegionApiControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Regions regions;

    @Test
    void listsTheChildrenOfARegion() throws Exception {
        given(regions.get("72.02")).willReturn(new Region("72.02", "Kabupaten Poso", 2, "72"));
        given(regions.childrenOf("72.02")).willReturn(List.of(new Region("72.02.01", "Poso Kota", 3, "72.02")));
        mvc.perform(get("/api/v1/regions").param("parent", " 72.02 "))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("72.02.01"))
                .andExpect(jsonPath("$[0].level").value(3))
                .andExpect(jsonPath("$[0].parentCode").value("72.02"));
    }

    @Test
    void anUnknownRegionIsAProblemWithAStableCode() throws Exception {
        given(regions.get("99")).willThrow(new NotFoundException(NotFoundException.Code.REGION_NOT_FOUND, "99"));
        given(regions.find("99")).willReturn(Optional.empty());
        mvc.perform(get("/api/v1/regions/99").header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("REGION_NOT_FOUND"))
                .andExpect(jsonPath("$.detail").value("No region has the code 99."));
    }
}

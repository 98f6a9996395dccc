package id.satupintu.complaint;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Complaint codes: random, written in groups, read back as people type them. */
class ComplaintCodeTest {

    @Test
    void aCodeIsWrittenInGroupsAndReadBackFromAnyWayOfTypingIt() {
        ComplaintCode code = new ComplaintCode("K7M4X9QP3RTA");
        assertThat(code.display()).isEqualTo("ADU-K7M4-X9QP-3RTA");
        for (String typed : new String[] {"ADU-K7M4-X9QP-3RTA", "adu k7m4 x9qp 3rta", "K7M4X9QP3RTA",
                " k7m4-x9qp-3rta "}) {
            assertThat(ComplaintCode.parse(typed)).as(typed).contains(code);
        }
        assertThat(ComplaintCode.parse("ADU-1OIL-0000-0000")).as("O for 0, I and L for 1")
                .contains(new ComplaintCode("1011" + "00000000"));
    }

    @Test
    void whatCannotBeACodeIsNoCode() {
        for (String typed : new String[] {null, "", "ADU-K7M4-X9QP", "ADU-K7M4-X9QP-3RTAX", "ADU-K7M4-X9QP-3RTU",
                "<script>", "K7M4X9QP3RT!", "x".repeat(100)}) {
            assertThat(ComplaintCode.parse(typed)).as(String.valueOf(typed)).isEmpty();
        }
    }

    @Test
    void codesAreRandomAndEachReadsBackAsItself() {
        Set<ComplaintCode> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ComplaintCode code = ComplaintCode.random();
            assertThat(ComplaintCode.parse(code.display())).contains(code);
            assertThat(code.value()).matches("[0-9A-HJKMNP-TV-Z]{12}");
            seen.add(code);
        }
        assertThat(seen).hasSize(2000);
    }
}

package id.satupintu.complaint;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import id.satupintu.shared.web.LimitedPublicWrite;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PostMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** Every public write of complaints is limited per client; only the staff's workflow actions are not. */
class ComplaintRateLimitTest {

    static List<String> unlimitedWrites(Class<?> controller) {
        return Arrays.stream(controller.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(PostMapping.class))
                .filter(m -> !m.isAnnotationPresent(LimitedPublicWrite.class))
                .map(Method::getName).toList();
    }

    @Test
    void publicWritesAreLimited() {
        assertThat(unlimitedWrites(ComplaintPagesController.class)).isEmpty();
        assertThat(unlimitedWrites(ComplaintApiController.class)).containsExactly("act");
        assertThat(unlimitedWrites(ComplaintHandlingController.class)).containsExactly("act");
    }
}

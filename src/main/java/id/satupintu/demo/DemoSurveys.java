package id.satupintu.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.survey.Respondent;
import id.satupintu.survey.SurveyElement;
import id.satupintu.survey.Surveys;
import org.springframework.stereotype.Component;

/**
 * Made-up survey answers for MPP Kabupaten Wajo over the year before the demo starts, so that its published IKM page
 * shows something on a fresh start. Always the same answers (a fixed seed), stored as demo answers, which the page
 * says it includes.
 */
@Component
class DemoSurveys {

    static final String MALL = "73.13";
    private static final int RESPONSES = 480;
    private static final long SEED = 7313;
    /** How each element tends to be rated (1-4): waiting time and complaint handling lag, staff behaviour shines. */
    private static final Map<String, Double> TENDENCY = Map.of("U1", 3.35, "U2", 3.25, "U3", 2.85, "U4", 3.55,
            "U5", 3.3, "U6", 3.4, "U7", 3.55, "U8", 2.8, "U9", 3.1);

    private final Surveys surveys;
    private final Malls malls;
    private final MallCalendar calendar;
    private final Catalogue catalogue;

    DemoSurveys(Surveys surveys, Malls malls, MallCalendar calendar, Catalogue catalogue) {
        this.surveys = surveys;
        this.malls = malls;
        this.calendar = calendar;
        this.catalogue = catalogue;
    }

    void load() {
        Mall mall = malls.findByCode(MALL).orElse(null);
        if (mall == null) {
            return;
        }
        List<MallService> services = catalogue.activeServices(mall.id());
        List<SurveyElement> elements = surveys.elements();
        LocalDate today = calendar.now(mall).toLocalDate();
        LocalDate first = today.minusYears(1);
        long days = ChronoUnit.DAYS.between(first, today);
        Random random = new Random(SEED);
        for (int i = 0; i < RESPONSES; i++) {
            LocalDate day = first.plusDays(random.nextLong(days));
            // Service got a little better over the year.
            double lift = 0.25 * ChronoUnit.DAYS.between(first, day) / days;
            Map<String, Integer> answers = answers(elements, random, lift);
            if (answers.isEmpty()) {
                continue;
            }
            surveys.enterDemo(mall, services.get(random.nextInt(services.size())), answers, respondent(random), day);
        }
    }

    /**
     * One made-up questionnaire: each element rated around its usual tendency moved by {@code lift}, now and then an
     * element left out.
     */
    static Map<String, Integer> answers(List<SurveyElement> elements, Random random, double lift) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (SurveyElement element : elements) {
            if (random.nextInt(25) == 0) {
                continue;
            }
            double score = TENDENCY.getOrDefault(element.code(), 3.2) + lift + random.nextGaussian() * 0.6;
            answers.put(element.code(), (int) Math.max(1, Math.min(4, Math.round(score))));
        }
        return answers;
    }

    static Respondent respondent(Random random) {
        if (random.nextInt(4) == 0) {
            return Respondent.NONE;
        }
        return new Respondent(18 + random.nextInt(50), pick(random, Respondent.Sex.values()),
                pick(random, Respondent.Education.values()), pick(random, Respondent.Occupation.values()));
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}

package id.satupintu.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command behind {@code --satupintu.generate-history=DAYS}: after the demo data is loaded, makes up the history
 * of the last DAYS days (default 365) and stops the application, with exit code 0 when it worked.
 */
@Component
@Order(2)
class HistoryCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HistoryCommand.class);

    private final HistoryGenerator generator;
    private final ConfigurableApplicationContext context;
    private final String days;

    HistoryCommand(HistoryGenerator generator, ConfigurableApplicationContext context,
            @Value("${satupintu.generate-history:}") String days) {
        this.generator = generator;
        this.context = context;
        this.days = days;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (days == null || days.isBlank()) {
            return;
        }
        int exit = 0;
        try {
            HistoryGenerator.Result result = generator.generate(days.strip().equals("true") ? 365
                    : Integer.parseInt(days.strip()), true);
            System.out.printf("History written: %d days (%d were there already), %d tickets, %d applications%n",
                    result.days(), result.skippedDays(), result.tickets(), result.applications());
        } catch (RuntimeException e) {
            log.error("The history generator stopped: {}", e.getMessage());
            exit = 1;
        }
        int code = exit;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}

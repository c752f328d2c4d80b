package vn.loa.server.schedule;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.loa.server.broadcast.PlanException;

/** A cron expression is held to the same bound as listed times, so it cannot become a session storm. */
class CronBoundTest {

    @Test
    void anExpressionFiringEverySecondIsRefusedAsTooManyTimes() {
        PlanException everySecond = assertThrows(PlanException.class, () -> new Recurrence.Cron("* * * ? * *"));
        assertEquals("too_many_times", everySecond.code());
        assertEquals("too_many_times", assertThrows(PlanException.class,
                () -> new Recurrence.Cron("* * 6-20 ? * *")).code(), "every second through the day");
        assertEquals("too_many_times", assertThrows(PlanException.class,
                () -> new Recurrence.Cron("0 */20 * ? * *")).code(), "every 20 minutes is 72 a day");
    }

    @Test
    void everyHalfHourAndTheUsualProgrammesPass() {
        assertDoesNotThrow(() -> new Recurrence.Cron("0 0/30 * ? * *"), "48 a day is the bound itself");
        assertDoesNotThrow(() -> new Recurrence.Cron("0 0 5,17 ? * MON-SAT"), "the news at five and seventeen");
        assertDoesNotThrow(() -> new Recurrence.Cron("0 0 8 1 * ?"), "once a month");
    }
}

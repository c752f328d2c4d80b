package vn.loa.server.schedule;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.server.broadcast.PlanException;

/**
 * Times of day as Vietnamese write them: "7h30", "7h", "17g30", "7 giờ 30", "07:30", "7:30" (seconds
 * allowed after a colon, as the API has always written them). A time that is none of these is a 400
 * {@code invalid_time} naming the text and the forms accepted, never a parser's message.
 */
public final class TimeOfDay {
    static final String FORMS = "write it like 7h30, 7h, 17g30, 07:30 or 7:30 (24-hour clock)";
    private static final Pattern COLON = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern HOUR_MARK = Pattern.compile("(\\d{1,2})\\s*(?:h|g|giờ)\\s*(?:(\\d{2})\\s*(?:phút|p|')?)?");
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private TimeOfDay() {
    }

    /** @param field the request field, named in the refusal (e.g. {@code recurrence.times}) */
    public static LocalTime parse(String text, String field) {
        String s = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
        Matcher m = COLON.matcher(s);
        if (m.matches()) {
            return of(m.group(1), m.group(2), m.group(3), text, field);
        }
        m = HOUR_MARK.matcher(s);
        if (m.matches()) {
            return of(m.group(1), m.group(2), null, text, field);
        }
        throw refused(text, field, "is not a time of day");
    }

    /**
     * A local date and time: ISO ("2026-11-23T06:00") or as Vietnamese write it, "23/11/2026 7h30",
     * "7h30 23/11/2026", "7h30 ngày 23/11/2026".
     */
    public static LocalDateTime parseDateTime(String text, String field) {
        String s = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        if (s.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            try {
                return LocalDateTime.parse(s);
            } catch (DateTimeException e) {
                throw new PlanException("invalid_date_time", field + ": \"" + text + "\" is not a date and time; "
                        + "write it like 2026-11-23T06:00 or 23/11/2026 6h00").with("text", text);
            }
        }
        Matcher d = DATE.matcher(s);
        if (!d.find()) {
            throw new PlanException("invalid_date_time", field + ": \"" + text + "\" has no date; "
                    + "write it like 23/11/2026 6h00 or 2026-11-23T06:00").with("text", text);
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(d.group(3)), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(1)));
        } catch (DateTimeException e) {
            throw new PlanException("invalid_date_time", field + ": " + d.group() + " is not a day of the calendar (dd/MM/yyyy)")
                    .with("text", text);
        }
        String rest = (s.substring(0, d.start()) + " " + s.substring(d.end())).toLowerCase(Locale.ROOT)
                .replace("ngày", " ").replace(",", " ").strip();
        return LocalDateTime.of(date, parse(rest, field));
    }

    private static LocalTime of(String hour, String minute, String second, String text, String field) {
        int h = Integer.parseInt(hour);
        int min = minute == null ? 0 : Integer.parseInt(minute);
        int sec = second == null ? 0 : Integer.parseInt(second);
        if (h > 23) {
            throw refused(text, field, "has hour " + h + "; hours run from 0 to 23");
        }
        if (min > 59 || sec > 59) {
            throw refused(text, field, "has minute " + Math.max(min, sec) + "; minutes run from 00 to 59");
        }
        return LocalTime.of(h, min, sec);
    }

    private static PlanException refused(String text, String field, String why) {
        return new PlanException("invalid_time", field + ": \"" + text + "\" " + why + "; " + FORMS).with("text", text);
    }

    /** Reads each of a recurrence's {@code times}; the field is named from where the parser stands. */
    public static final class Reader extends StdDeserializer<LocalTime> {
        private static final long serialVersionUID = 1L;

        public Reader() {
            super(LocalTime.class);
        }

        @Override
        public LocalTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new PlanException("invalid_time", "recurrence.times must list times as text, like \"7h30\" or \"07:30\"")
                        .with("text", p.getText());
            }
            return parse(p.getText(), "recurrence.times");
        }
    }

    /** Reads a one-shot's {@code at}. */
    public static final class DateTimeReader extends StdDeserializer<LocalDateTime> {
        private static final long serialVersionUID = 1L;

        public DateTimeReader() {
            super(LocalDateTime.class);
        }

        @Override
        public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new PlanException("invalid_date_time", "recurrence.at must be text, like \"23/11/2026 6h00\"")
                        .with("text", p.getText());
            }
            return parseDateTime(p.getText(), "recurrence.at");
        }
    }
}

package vn.loa.server.tts.normalise;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as it should be spoken. The order matters: abbreviations first (BĐ3 → báo động 3), then what must
 * not be read as an amount (phone numbers, ranges, dates, times), then amounts with their units, then any
 * digit left. Numbers follow Vietnamese writing: "." groups thousands, "," is the decimal comma
 * (1.250,5 = một nghìn hai trăm năm mươi phẩy năm).
 */
public final class VietnameseNormaliser {
    private static final String NOT_BEFORE = "(?<![\\p{L}\\d.,/:])";
    private static final String NOT_AFTER = "(?![\\p{L}\\d]|[.,:/]\\d)";
    private static final Pattern PHONE = Pattern.compile(NOT_BEFORE
            + "(0\\d{2,3}[ .]\\d{3}[ .]\\d{3,4}|0\\d{9,10}|1[89]00[ .]?\\d{4}(?:[ .]?\\d{2})?)" + NOT_AFTER);
    private static final Pattern SHORT_NUMBER = Pattern.compile("(gọi|số|đường dây nóng)\\s(11[1345])" + NOT_AFTER);
    /** "5-7", "200 - 300", "6h-12h": a dash between numbers (an hour's h may end the first) is "đến". */
    private static final Pattern RANGE = Pattern.compile("(\\d[hg]?)\\s?[-–—]\\s?(?=\\d)");
    private static final Pattern DATE = Pattern.compile(NOT_BEFORE + "(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?" + NOT_AFTER);
    private static final Pattern MONTH_YEAR = Pattern.compile(NOT_BEFORE + "(\\d{1,2})/(\\d{4})" + NOT_AFTER);
    private static final Pattern CLOCK = Pattern.compile(NOT_BEFORE + "(\\d{1,2}):(\\d{2})" + NOT_AFTER);
    private static final Pattern HOUR = Pattern.compile(NOT_BEFORE + "(\\d{1,2})[hg](\\d{2})?(?:'|ph|p)?(?![\\p{L}\\d])");
    private static final Pattern ORDINAL = Pattern.compile("(?<![\\p{L}])([Tt]hứ|[Tt]háng)\\s(\\d{1,2})(?![\\p{L}\\d]|[.,/]\\d)");
    /** "Km120": a kilometre post on a road, said "ki lô mét một trăm hai mươi"; "1,5 km2" is a unit. */
    private static final Pattern KM_POST = Pattern.compile("(?<![\\p{L}\\d])(?:Km|KM|(?<!\\d\\s)km)\\s?(?=\\d)");
    private static final Pattern NEGATIVE = Pattern.compile("(?<![\\p{L}\\d])[-−](?=\\d)");
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:([,.])(\\d+))?"
            + "(?:\\s?(m³/s|m3/s|km/h|km²|km2|m³|m3|mm|cm|km|ha|kg|°C|độ C|m|%|‰)(?![\\p{L}\\d³²]))?");
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("m³/s", "mét khối trên giây"), Map.entry("m3/s", "mét khối trên giây"),
            Map.entry("km/h", "ki lô mét trên giờ"), Map.entry("km²", "ki lô mét vuông"),
            Map.entry("km2", "ki lô mét vuông"), Map.entry("m³", "mét khối"), Map.entry("m3", "mét khối"),
            Map.entry("mm", "mi li mét"), Map.entry("cm", "xăng ti mét"), Map.entry("km", "ki lô mét"),
            Map.entry("ha", "héc ta"), Map.entry("kg", "ki lô gam"), Map.entry("°C", "độ xê"),
            Map.entry("độ C", "độ xê"), Map.entry("m", "mét"), Map.entry("%", "phần trăm"));

    private final NumberWords words;

    public VietnameseNormaliser(Region region) {
        this.words = new NumberWords(region);
    }

    public String normalise(String text) {
        String out = Normalizer.normalize(text, Normalizer.Form.NFC);
        out = Abbreviations.expand(out);
        out = Abbreviations.replace(PHONE.matcher(out), m -> phone(m.group(1)));
        out = Abbreviations.replace(SHORT_NUMBER.matcher(out), m -> m.group(1) + " " + words.digits(m.group(2)));
        out = Abbreviations.replace(KM_POST.matcher(out), m -> "ki lô mét ");
        out = Abbreviations.replace(RANGE.matcher(out), m -> m.group(1) + " đến ");
        out = dates(out);
        String dated = out;
        out = Abbreviations.replace(MONTH_YEAR.matcher(out), m -> monthYear(m, dated.substring(0, m.start())));
        out = Abbreviations.replace(CLOCK.matcher(out), m -> time(m.group(1), m.group(2)));
        out = Abbreviations.replace(HOUR.matcher(out), m -> time(m.group(1), m.group(2)));
        out = Abbreviations.replace(NEGATIVE.matcher(out), m -> "âm ");
        out = Abbreviations.replace(ORDINAL.matcher(out), m -> m.group(1) + " " + ordinal(m.group(1), m.group(2)));
        out = Abbreviations.replace(AMOUNT.matcher(out), this::amount);
        out = out.replace("&", " và ");
        return out.replaceAll("[ \\t]+", " ").replaceAll(" +([,.;:!?])", "$1").trim();
    }

    /** Each group of a phone number digit by digit, groups apart, as people dictate a number. */
    private String phone(String number) {
        String[] groups = number.split("[ .]");
        if (groups.length == 1) {
            String d = number;
            groups = d.length() == 10 ? new String[] {d.substring(0, 4), d.substring(4, 7), d.substring(7)}
                    : new String[] {d};
        }
        StringBuilder out = new StringBuilder();
        for (String g : groups) {
            out.append(out.length() == 0 ? "" : ", ").append(words.digits(g));
        }
        return out.toString();
    }

    private String dates(String text) {
        Matcher m = DATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int day = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            String replacement = m.group();
            if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
                String before = text.substring(0, m.start()).stripTrailing().toLowerCase(java.util.Locale.ROOT);
                boolean saidDay = before.endsWith("ngày") || before.endsWith("hôm") || before.endsWith("mùng")
                        || before.endsWith("mồng") || before.endsWith("đêm");
                boolean mung = day <= 10 && !before.endsWith("mùng") && !before.endsWith("mồng");
                replacement = (saidDay ? "" : "ngày ") + (mung ? "mùng " : "") + words.integer(day)
                        + " tháng " + month(month) + (m.group(3) == null ? "" : " năm " + words.amount(m.group(3)));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String monthYear(Matcher m, String before) {
        int value = Integer.parseInt(m.group(1));
        if (value < 1 || value > 12) {
            return m.group();
        }
        boolean saidMonth = before.stripTrailing().toLowerCase(java.util.Locale.ROOT).endsWith("tháng");
        return (saidMonth ? "" : "tháng ") + month(value) + " năm " + words.amount(m.group(2));
    }

    /** "thứ 1" is "thứ nhất", "thứ 4" and "tháng 4" are "tư"; other ordinals read as the number. */
    private String ordinal(String word, String digits) {
        int n = Integer.parseInt(digits);
        if (word.equalsIgnoreCase("thứ") && n == 1) {
            return "nhất";
        }
        return n == 4 ? "tư" : words.integer(n);
    }

    /** April is "tháng tư", never "tháng bốn". */
    private String month(int month) {
        return month == 4 ? "tư" : words.integer(month);
    }

    private String time(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int min = minutes == null ? 0 : Integer.parseInt(minutes);
        if (h > 24 || min > 59) {
            return hours + (minutes == null ? "" : ":" + minutes);
        }
        return words.integer(h) + " giờ" + (min == 0 ? "" : " " + words.integer(min) + " phút");
    }

    private String amount(Matcher m) {
        String whole = m.group(1);
        String separator = m.group(2);
        String fraction = m.group(3);
        String unit = m.group(4);
        StringBuilder out = new StringBuilder();
        if (fraction != null && ".".equals(separator)) {
            // "5.2": a decimal point written the English way; said "chấm", never taken for thousands.
            out.append(words.amount(whole.replace(".", ""))).append(" chấm ").append(words.digits(fraction));
        } else {
            out.append(words.amount(whole.replace(".", "")));
            if (fraction != null) {
                out.append(" phẩy ").append(words.fraction(fraction));
            }
        }
        if (unit != null) {
            out.append(' ').append(unit.equals("‰") ? "phần " + words.region().thousand() : UNITS.get(unit));
        }
        return out.toString();
    }
}

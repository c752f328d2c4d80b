package vn.loa.server.tts.normalise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The abbreviations of commune notices and disaster bulletins, spelled out. Whole words only, longest
 * first ("PCTT&TKCN" before "PCTT"); the one-letter place prefixes (Q. P. X. H.) only before a capital or
 * a digit, so a sentence that ends in "P." is not read as a ward.
 */
final class Abbreviations {
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("PCTT&TKCN", "phòng chống thiên tai và tìm kiếm cứu nạn");
        WORDS.put("PCTT-TKCN", "phòng chống thiên tai và tìm kiếm cứu nạn");
        WORDS.put("TP.HCM", "thành phố Hồ Chí Minh");
        WORDS.put("TP HCM", "thành phố Hồ Chí Minh");
        WORDS.put("HCM", "Hồ Chí Minh");
        WORDS.put("UBND", "ủy ban nhân dân");
        WORDS.put("HĐND", "hội đồng nhân dân");
        WORDS.put("MTTQ", "mặt trận tổ quốc");
        WORDS.put("BCH", "ban chỉ huy");
        WORDS.put("BCĐ", "ban chỉ đạo");
        WORDS.put("PCTT", "phòng chống thiên tai");
        WORDS.put("TKCN", "tìm kiếm cứu nạn");
        WORDS.put("KTTV", "khí tượng thủy văn");
        WORDS.put("ATNĐ", "áp thấp nhiệt đới");
        WORDS.put("THCS", "trung học cơ sở");
        WORDS.put("THPT", "trung học phổ thông");
        WORDS.put("TYT", "trạm y tế");
        WORDS.put("BHYT", "bảo hiểm y tế");
        WORDS.put("CSGT", "cảnh sát giao thông");
        WORDS.put("SĐT", "số điện thoại");
        WORDS.put("ĐT", "điện thoại");
        WORDS.put("QL", "quốc lộ");
        WORDS.put("BĐ", "báo động");
        WORDS.put("v.v.", "vân vân");
    }

    private static final Pattern WORD;
    private static final Pattern PLACE = Pattern.compile("(?<![\\p{L}\\d.])(TP|TX|TT|Q|P|X|H)\\.\\s?(?=[\\p{Lu}\\d])");
    private static final Map<String, String> PLACES = Map.of("TP", "thành phố", "TX", "thị xã", "TT", "thị trấn",
            "Q", "quận", "P", "phường", "X", "xã", "H", "huyện");
    /** "báo động III", "BĐ II": the alarm levels are often written in Roman numerals. */
    private static final Pattern ROMAN_LEVEL = Pattern.compile("báo động\\s?(III|II|I)(?![\\p{L}\\d])");

    static {
        StringBuilder alternatives = new StringBuilder();
        WORDS.keySet().stream().sorted((a, b) -> b.length() - a.length())
                .forEach(k -> alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(k)));
        // A letter may follow only BĐ and QL ("BĐ3", "QL1A"); the others are whole words.
        WORD = Pattern.compile("(?<![\\p{L}\\d])(" + alternatives + ")(?=\\d|[^\\p{L}]|$)");
    }

    private Abbreviations() {
    }

    static String expand(String text) {
        String out = replace(WORD.matcher(text), m -> {
            String word = WORDS.get(m.group(1));
            boolean digitFollows = m.end() < text.length() && Character.isDigit(text.charAt(m.end()));
            return digitFollows ? word + " " : word;
        });
        out = replace(PLACE.matcher(out), m -> PLACES.get(m.group(1)) + " ");
        return replace(ROMAN_LEVEL.matcher(out), m -> "báo động " + m.group(1).length());
    }

    static String replace(Matcher m, java.util.function.Function<Matcher, String> with) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}

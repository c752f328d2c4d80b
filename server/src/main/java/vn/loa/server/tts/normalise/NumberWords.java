package vn.loa.server.tts.normalise;

/**
 * Numbers as Vietnamese words: "mốt" for a 1 after tens from twenty on, "lăm" (or "nhăm") for a 5 after
 * tens, "linh"/"lẻ" for empty tens, "không trăm" for an empty hundreds inside a larger number (1.005 =
 * một nghìn không trăm linh năm), groups of nghìn, triệu, tỷ.
 */
public record NumberWords(Region region) {
    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final long BILLION = 1_000_000_000L;

    /** Longer digit strings than this are codes, not amounts, and are read digit by digit. */
    static final int MAX_AMOUNT_DIGITS = 15;

    public String integer(long n) {
        if (n < 0) {
            return "âm " + integer(-n);
        }
        return n == 0 ? DIGITS[0] : read(n);
    }

    /** The digits one by one: phone numbers, codes, decimals with a leading zero. */
    public String digits(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c >= '0' && c <= '9') {
                out.append(out.length() == 0 ? "" : " ").append(DIGITS[c - '0']);
            }
        }
        return out.toString();
    }

    /** Digits as an amount, or one by one when there are too many for an amount. */
    public String amount(String digits) {
        return digits.length() > MAX_AMOUNT_DIGITS ? digits(digits) : integer(Long.parseLong(digits));
    }

    /**
     * The part after the decimal comma: "5" and "25" as numbers (năm phẩy hai mươi lăm), a leading zero or
     * more than two digits one by one (không phẩy không năm), as radio readers do.
     */
    public String fraction(String digits) {
        return digits.length() <= 2 && digits.charAt(0) != '0' ? integer(Long.parseLong(digits)) : digits(digits);
    }

    private String read(long n) {
        if (n >= BILLION) {
            return join(read(n / BILLION), "tỷ", tail(n % BILLION, BILLION));
        }
        if (n >= 1_000_000) {
            return join(hundreds(n / 1_000_000, false), "triệu", tail(n % 1_000_000, 1_000_000));
        }
        if (n >= 1_000) {
            return join(hundreds(n / 1_000, false), region.thousand(), tail(n % 1_000, 1_000));
        }
        return hundreds(n, false);
    }

    /** What follows a group word: every lower group is read in full, "không trăm" included. */
    private String tail(long rest, long scale) {
        if (rest == 0) {
            return "";
        }
        if (scale == 1_000) {
            return hundreds(rest, true);
        }
        long lower = scale / 1_000;
        long head = rest / lower;
        String word = lower == 1_000 ? region.thousand() : "triệu";
        return head == 0 ? tail(rest % lower, lower) : join(hundreds(head, true), word, tail(rest % lower, lower));
    }

    private String hundreds(long n, boolean full) {
        int h = (int) (n / 100);
        int t = (int) (n / 10 % 10);
        int u = (int) (n % 10);
        StringBuilder out = new StringBuilder();
        boolean saidHundreds = h > 0 || full;
        if (saidHundreds) {
            out.append(DIGITS[h]).append(" trăm");
        }
        if (t == 0) {
            if (u > 0) {
                out.append(saidHundreds ? " " + region.zeroTens() + " " : "").append(DIGITS[u]);
            }
        } else if (t == 1) {
            out.append(saidHundreds ? " " : "").append("mười").append(u == 0 ? "" : " " + (u == 5 ? "lăm" : DIGITS[u]));
        } else {
            out.append(saidHundreds ? " " : "").append(DIGITS[t]).append(" mươi");
            if (u > 0) {
                out.append(' ').append(u == 1 ? "mốt" : u == 5 ? region.fiveAfterTens() : DIGITS[u]);
            }
        }
        return out.toString();
    }

    private static String join(String head, String word, String tail) {
        return tail.isEmpty() ? head + " " + word : head + " " + word + " " + tail;
    }
}

package app.carddesk.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts of money (kroner) as whole minor units (øre), read the way staff type them. */
public final class MinorUnits {

    private MinorUnits() {
    }

    /** Reads {@code 120}, {@code 120,50}, {@code 120.5} or {@code 1 200,00}; blank is zero. */
    public static Checked<Long> parse(String text) {
        String t = text == null ? "" : text.replaceAll("[\\s\\u00A0]", "").replace(',', '.');
        if (t.isEmpty()) {
            return Checked.ok(0L);
        }
        if (!t.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            return Checked.fail(Problem.of("balance.format", text.trim()));
        }
        return Checked.ok(new BigDecimal(t).movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    public static String format(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString().replace('.', ',');
    }
}

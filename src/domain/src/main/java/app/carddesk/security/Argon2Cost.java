package app.carddesk.security;

/**
 * What one Argon2id hash costs: memory and passes. Every PIN, password and sealed key is hashed at
 * {@link #OWASP}, OWASP's lowest recommended setting. The test suite hashes thousands of PINs and
 * passwords; its JVMs are started with {@value #WEAK_FOR_TESTS}{@code =true}, and then the same code
 * hashes at {@link #WEAK} (a 0.1 % of the cost). Every hash records the cost it was made with and is
 * checked at that cost, so hashes of either kind are read everywhere.
 */
public record Argon2Cost(int memoryKib, int passes) {

    /** 19 MiB, 2 passes. */
    public static final Argon2Cost OWASP = new Argon2Cost(19 * 1024, 2);

    /** For the test suite only: protects nothing. */
    public static final Argon2Cost WEAK = new Argon2Cost(64, 1);

    /** The system property that switches the test suite's JVMs to {@link #WEAK}. Never set in production. */
    public static final String WEAK_FOR_TESTS = "carddesk.weakHashesForTests";

    /** The cost new hashes are made with in this process. */
    public static Argon2Cost current() {
        return of(System.getProperty(WEAK_FOR_TESTS));
    }

    /** {@link #WEAK} only for exactly {@code true}; anything else is {@link #OWASP}. */
    static Argon2Cost of(String weakForTests) {
        return "true".equals(weakForTests) ? WEAK : OWASP;
    }

    /**
     * Whether a recorded cost is one this software could have made or may make after a raise: from
     * {@link #WEAK} to four times {@link #OWASP}'s memory and ten passes. A hash a desk sends that
     * asks for more (gigabytes of the central's memory for one check) is not a hash of ours.
     */
    public boolean plausible() {
        return memoryKib >= WEAK.memoryKib && memoryKib <= 4 * OWASP.memoryKib && passes >= 1 && passes <= 10;
    }

    /**
     * The cost an encoded hash ({@code $argon2id$v=19$m=…,t=…,p=1$…}) records, or null when it records
     * none or one that is not {@link #plausible()}.
     */
    static Argon2Cost recordedIn(String hash) {
        java.util.regex.Matcher m = RECORDED.matcher(hash == null ? "" : hash);
        if (!m.find()) {
            return null;
        }
        Argon2Cost cost = new Argon2Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return cost.plausible() ? cost : null;
    }

    private static final java.util.regex.Pattern RECORDED =
            java.util.regex.Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=1\\$");
}

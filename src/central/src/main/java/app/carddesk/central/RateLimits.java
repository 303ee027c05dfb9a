package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits in this instance's memory: failed authentications per source address (then a temporary
 * block), and searches of the country's register and the population register per workstation.
 * Counted in one-minute windows; refusals are 429 with Retry-After.
 */
final class RateLimits {

    private static final int MAX_TRACKED = 100_000;

    private final CentralConfig.Limits limits;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> failures = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Window> uses = new ConcurrentHashMap<>();

    RateLimits(CentralConfig.Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** One source's or one workstation's count in the current minute, and a block when there is one. */
    private static final class Window {
        long minute;
        int count;
        long blockedUntil;
    }

    /** Refuses a source that failed to authenticate too often, before its credential is even looked at. */
    void requireNotBlocked(String source) {
        Window w = failures.get(source);
        long now = clock.millis();
        if (w != null) {
            synchronized (w) {
                if (w.blockedUntil > now) {
                    throw tooMany(ErrorCode.AUTH_BLOCKED, "Too many failed sign-ins from this address: it is blocked for a "
                            + "while. Check the workstation's token and try again later.", w.blockedUntil - now);
                }
            }
        }
    }

    /** Counts a failed authentication; past the limit the source is blocked for the configured time. */
    void failed(String source) {
        long now = clock.millis();
        Window w = window(failures, source, now);
        synchronized (w) {
            w.count++;
            if (w.count > limits.authFailuresPerMinute()) {
                w.blockedUntil = now + limits.authBlockSeconds() * 1000L;
                throw tooMany(ErrorCode.AUTH_BLOCKED, "Too many failed sign-ins from this address: it is blocked for "
                        + limits.authBlockSeconds() + " seconds.", limits.authBlockSeconds() * 1000L);
            }
        }
    }

    void nationalSearch(String workstation) {
        take("national:" + workstation, limits.nationalSearchesPerMinute(), "searches of the country's register");
    }

    void populationLookup(String workstation) {
        take("population:" + workstation, limits.populationLookupsPerMinute(), "population register look-ups");
    }

    private void take(String key, int perMinute, String what) {
        long now = clock.millis();
        Window w = window(uses, key, now);
        synchronized (w) {
            if (w.count >= perMinute) {
                throw tooMany(ErrorCode.RATE_LIMITED, "This workstation made " + perMinute + " " + what
                        + " in the last minute, the most allowed. Wait a moment and try again.",
                        60_000 - now % 60_000);
            }
            w.count++;
        }
    }

    private static Window window(ConcurrentHashMap<String, Window> map, String key, long now) {
        if (map.size() > MAX_TRACKED) {
            map.entrySet().removeIf(e -> e.getValue().minute < now / 60_000 && e.getValue().blockedUntil < now);
        }
        Window w = map.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            if (w.minute != now / 60_000) {
                w.minute = now / 60_000;
                w.count = 0;
            }
        }
        return w;
    }

    private static ApiException tooMany(ErrorCode code, String message, long millis) {
        return new ApiException(429, code, null, message).retryAfter(Math.max(1, (millis + 999) / 1000));
    }
}

package app.carddesk.security;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.function.Function;

/**
 * Argon2id through password4j, with a choice of what stays in memory. password4j keeps every
 * function it made for the life of the process, each with a zeroed template of its whole memory
 * cost (19 MiB at the OWASP setting) beside the copy each hash fills. A server hashing all day
 * keeps it ({@link #KEPT}); the desk hashes a few times a day and lets it go after each use
 * ({@link #LET_GO}), so the template is not part of its idle memory.
 */
public enum Argon2Id {
    KEPT, LET_GO;

    /** Runs {@code work} with the function for these parameters, then lets it go if so chosen. */
    public <T> T with(int memoryKib, int iterations, Function<Argon2Function, T> work) {
        Argon2Function function = function(memoryKib, iterations);
        try {
            return work.apply(function);
        } finally {
            if (this == LET_GO) {
                forget(function);
            }
        }
    }

    /**
     * password4j's function for these parameters. Its cache is asked "is it there?" and then "give
     * it", so a function another thread lets go between the two comes back as null; then it is asked
     * again, and makes a new one. (Taken as it came, the null made a right PIN count as wrong.)
     */
    private static Argon2Function function(int memoryKib, int iterations) {
        Argon2Function function = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
        while (function == null) {
            function = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
        }
        return function;
    }

    private static void forget(Argon2Function function) {
        Map<?, ?> instances = instances();
        if (instances != null) {
            instances.values().remove(function);
        }
    }

    /** password4j's cache of functions; {@code null} when a later version keeps none by that name. */
    private static Map<?, ?> instances() {
        try {
            Field field = Argon2Function.class.getDeclaredField("INSTANCES");
            field.setAccessible(true);
            return field.get(null) instanceof Map<?, ?> map ? map : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}

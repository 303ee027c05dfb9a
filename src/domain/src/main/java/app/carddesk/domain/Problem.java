package app.carddesk.domain;

import java.util.List;

/**
 * Something wrong (or worth a warning) with a piece of input, as a message key and its arguments.
 * The key names a text in the user interface's resource bundles; the domain never holds words.
 *
 * @param key  resource bundle key, for example {@code card.wrongLength}
 * @param args values for the message's placeholders, in order
 */
public record Problem(String key, List<Object> args) {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(String key, Object... args) {
        return new Problem(key, List.of(args));
    }
}

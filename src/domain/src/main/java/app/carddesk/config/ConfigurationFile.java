package app.carddesk.config;

import app.carddesk.domain.LibraryConfiguration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A library's configuration as a JSON file (schema: {@code library-configuration.schema.json} beside
 * this class): read with every problem named by its field and reason, and written so that reading it
 * again gives the same configuration. A file with a problem gives no configuration at all.
 */
public final class ConfigurationFile {

    /** The largest configuration file read: far above any library's (loan rules included). */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Where the published schema is on the class path. */
    public static final String SCHEMA = "/app/carddesk/config/library-configuration.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** A configuration that can be used, or what is wrong with the file. */
    public record Read(LibraryConfiguration configuration, List<LibraryConfiguration.Problem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private ConfigurationFile() {
    }

    public static Read read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return refused("(file)", "fileTooLarge", MAX_BYTES / 1024);
        }
        LibraryConfiguration c;
        Collected collected = new Collected();
        try {
            c = JSON.readerFor(LibraryConfiguration.class).withHandler(collected).readValue(bytes);
        } catch (UnrecognizedPropertyException e) {
            return refused(path(e), "unknownField");
        } catch (InvalidFormatException e) {
            return refused(path(e), "valueNot." + kind(e.getTargetType()), String.valueOf(e.getValue()),
                    constants(e.getTargetType()));
        } catch (MismatchedInputException e) {
            return refused(path(e), "not." + kind(e.getTargetType()), constants(e.getTargetType()));
        } catch (JsonProcessingException e) {
            // Some refusals (a number thousands of digits long, say) come without a place in the text.
            return e.getLocation() == null ? refused("(file)", "notUsableJson")
                    : refused("(file)", "notJson", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (c == null) {
            return collected.problems.isEmpty() ? refused("(file)", "emptyFile")
                    : new Read(null, List.copyOf(collected.problems));
        }
        // What the reader could not take is named once, not again as missing or wrong below it.
        List<LibraryConfiguration.Problem> problems = new java.util.ArrayList<>(collected.problems);
        for (LibraryConfiguration.Problem p : c.problems()) {
            if (collected.problems.stream().noneMatch(known -> within(p.field(), known.field())
                    || within(known.field(), p.field()))) {
                problems.add(p);
            }
        }
        return new Read(problems.isEmpty() ? c : null, problems);
    }

    public static Read read(InputStream in) throws IOException {
        return read(in.readNBytes(MAX_BYTES + 1));
    }

    public static byte[] write(LibraryConfiguration configuration) {
        try {
            return JSON.writeValueAsBytes(configuration);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a configuration could not be written as JSON", e);
        }
    }

    public static String text(LibraryConfiguration configuration) {
        return new String(write(configuration), StandardCharsets.UTF_8);
    }

    /** A configuration bundled with CardDesk (the demo libraries), by its resource name. */
    public static LibraryConfiguration bundled(String resource) {
        try (InputStream in = ConfigurationFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled configuration " + resource);
            }
            Read read = read(in);
            if (!read.ok()) {
                throw new IllegalStateException("bundled configuration " + resource + ": " + read.problems());
            }
            return read.configuration();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Read refused(String field, String key, Object... args) {
        return new Read(null, List.of(LibraryConfiguration.Problem.of(field, key, args)));
    }

    /** Whether the field {@code inner} is {@code outer} or a part of it. */
    private static boolean within(String inner, String outer) {
        return inner.equals(outer) || inner.startsWith(outer + ".") || inner.startsWith(outer + "[");
    }

    /**
     * Takes note of each field the reader cannot use (unknown, or a value of the wrong kind) and
     * reads on, so that a file's problems are all named at once, not the first one only.
     */
    private static final class Collected extends com.fasterxml.jackson.databind.deser.DeserializationProblemHandler {
        final List<LibraryConfiguration.Problem> problems = new java.util.ArrayList<>();

        @Override
        public boolean handleUnknownProperty(com.fasterxml.jackson.databind.DeserializationContext ctxt,
                                             com.fasterxml.jackson.core.JsonParser p,
                                             com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            problems.add(LibraryConfiguration.Problem.of(path(p.getParsingContext()), "unknownField"));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(com.fasterxml.jackson.databind.DeserializationContext ctxt,
                                             Class<?> targetType, String value, String failureMsg) {
            problems.add(LibraryConfiguration.Problem.of(path(ctxt.getParser().getParsingContext()),
                    "valueNot." + kind(targetType), value, constants(targetType)));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(com.fasterxml.jackson.databind.DeserializationContext ctxt,
                                             Class<?> targetType, Number value, String failureMsg) {
            problems.add(LibraryConfiguration.Problem.of(path(ctxt.getParser().getParsingContext()),
                    "valueNot." + kind(targetType), String.valueOf(value), constants(targetType)));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(com.fasterxml.jackson.databind.DeserializationContext ctxt,
                                            com.fasterxml.jackson.databind.JavaType targetType,
                                            com.fasterxml.jackson.core.JsonToken t,
                                            com.fasterxml.jackson.core.JsonParser p, String failureMsg)
                throws IOException {
            Class<?> type = targetType == null ? null : targetType.getRawClass();
            problems.add(LibraryConfiguration.Problem.of(path(p.getParsingContext()), "not." + kind(type),
                    constants(type)));
            p.skipChildren();
            return null;
        }
    }

    /** Where the reader is, as a JSON path: {@code categories[2].minAge}. */
    private static String path(com.fasterxml.jackson.core.JsonStreamContext at) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (com.fasterxml.jackson.core.JsonStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? "(file)" : path;
    }

    /** The field as a JSON path: {@code categories[2].names.en}. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "(file)" : out.toString();
    }

    /** The kind of value a field holds, as the problems' texts name it ({@code not.number}, …). */
    private static String kind(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "oneOf";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == java.time.Instant.class) {
            return "time";
        }
        if (List.class.isAssignableFrom(type)) {
            return "list";
        }
        if (type == String.class) {
            return "text";
        }
        return "object";
    }

    /** An enumeration's names, as a field of that kind takes them: {@code NONE, LUHN, MOD11}. */
    private static String constants(Class<?> type) {
        if (type == null || !type.isEnum()) {
            return "";
        }
        StringBuilder names = new StringBuilder();
        for (Object constant : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(constant);
        }
        return names.toString();
    }
}

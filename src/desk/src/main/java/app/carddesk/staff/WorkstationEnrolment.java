package app.carddesk.staff;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A desk joins its library's organisation: staff (or IT) type the central register's address and
 * the one-time enrolment code a library administrator made; the desk trades the code for a
 * credential of its own and keeps address and credential in its settings file, readable by its
 * user only. The desk connects at its next start.
 */
public final class WorkstationEnrolment {

    /** The central register's side of enrolment. */
    public interface Enroller {

        sealed interface Answer {
        }

        record Enrolled(String token, String library, String workstationName, String libraryName) implements Answer {
        }

        record Invalid() implements Answer {
        }

        record Unreachable(String why) implements Answer {
        }

        /** The central register's certificate is not one this desk trusts. */
        record Untrusted() implements Answer {
        }

        Answer enrol(URI central, String code);
    }

    /** Where the desk keeps its settings (carddesk.properties in its data folder). */
    public interface Settings {
        void save(Map<String, String> values);
    }

    public sealed interface Result {
    }

    public record Done(String library, String workstationName, String libraryName) implements Result {
    }

    public record Refused(String key, List<Object> args) implements Result {
        public Refused(String key, Object... args) {
            this(key, List.of(args));
        }
    }

    private final Enroller enroller;
    private final Settings settings;

    public WorkstationEnrolment(Enroller enroller, Settings settings) {
        this.enroller = enroller;
        this.settings = settings;
    }

    /**
     * Joins with the one-time code at the address IT gave, or at the first of several (separated by
     * commas, when the organisation runs more than one central instance) that answers; the desk keeps
     * them all and moves to the next whenever one does not answer.
     */
    public Result enrol(String address, String code) {
        List<URI> centrals = new java.util.ArrayList<>();
        for (String one : (address == null ? "" : address).split("[,\\s]+")) {
            if (one.isEmpty()) {
                continue;
            }
            URI central;
            try {
                central = URI.create(one);
            } catch (IllegalArgumentException e) {
                return new Refused("enrol.notAnAddress", one);
            }
            String scheme = central.getScheme() == null ? "" : central.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || central.getHost() == null) {
                return new Refused("enrol.notAnAddress", one);
            }
            centrals.add(URI.create(central.toString().replaceAll("/+$", "")));
        }
        if (centrals.isEmpty()) {
            return new Refused("enrol.badAddress");
        }
        String typed = code == null ? "" : code.strip();
        if (typed.isEmpty()) {
            return new Refused("enrol.codeMissing");
        }
        Enroller.Answer answer = null;
        for (URI central : centrals) {
            answer = enroller.enrol(central, typed);
            if (!(answer instanceof Enroller.Unreachable)) {
                break;
            }
        }
        if (answer instanceof Enroller.Enrolled ok) {
            settings.save(Map.of("carddesk.central.url", String.join(",", centrals.stream().map(URI::toString)
                    .toList()), "carddesk.central.token", ok.token(), "carddesk.profile", ok.library()));
            return new Done(ok.library(), ok.workstationName(), ok.libraryName());
        }
        if (answer instanceof Enroller.Invalid) {
            return new Refused("enrol.codeInvalid");
        }
        if (answer instanceof Enroller.Untrusted) {
            return new Refused("enrol.untrusted");
        }
        return unreachable(((Enroller.Unreachable) answer).why());
    }

    /** Why no central register answered, in staff's words: the network's reason names no class. */
    private static Refused unreachable(String why) {
        return switch (why) {
            case "ConnectException" -> new Refused("enrol.unreachable.refused");
            case "UnknownHostException" -> new Refused("enrol.unreachable.unknownHost");
            case "HttpConnectTimeoutException", "HttpTimeoutException", "SocketTimeoutException" ->
                    new Refused("enrol.unreachable.timeout");
            default -> why.startsWith("HTTP ") ? new Refused("enrol.unreachable", why)
                    : new Refused("enrol.unreachable.other");
        };
    }
}

package app.carddesk.staff;

import app.carddesk.issuing.StaffContext;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who works at this desk now, for the audit trail and for the requests made for them: the person
 * who signed in, or nobody (the desk shows its sign-in screen then).
 */
public final class SignedInStaff implements StaffContext {

    private final String workstation;
    private volatile StaffSession session;
    private final CopyOnWriteArrayList<Consumer<Optional<StaffSession>>> listeners = new CopyOnWriteArrayList<>();

    public SignedInStaff(String workstation) {
        this.workstation = workstation;
    }

    /** The workstation's name from the operating system. */
    public static SignedInStaff onThisWorkstation() {
        String host = System.getenv().getOrDefault("HOSTNAME", System.getenv().getOrDefault("COMPUTERNAME", ""));
        return new SignedInStaff(host.isBlank() ? "workstation" : host);
    }

    public Optional<StaffSession> current() {
        return Optional.ofNullable(session);
    }

    void signedIn(StaffSession person) {
        session = person;
        signIns.accept(person);
        listeners.forEach(l -> l.accept(Optional.of(person)));
    }

    /** Where each sign-in is recorded (the open register's audit trail), or nowhere. */
    private volatile Consumer<StaffSession> signIns = person -> { };

    /**
     * Records each sign-in from now on with {@code record} (replacing the one before: one register is
     * open at a time), or with nothing when it is null (the register closed).
     */
    public void recordSignInsWith(Consumer<StaffSession> record) {
        signIns = record == null ? person -> { } : record;
    }

    void signedOut() {
        session = null;
        listeners.forEach(l -> l.accept(Optional.empty()));
    }

    /**
     * The central register no longer accepts the person's session (an administrator locked the
     * account, it was made inactive, or the session ran out): nobody is signed in any more.
     */
    public void sessionEnded() {
        if (session != null && session.token() != null) {
            signedOut();
            ended.forEach(Runnable::run);
        }
    }

    /**
     * The central register no longer lets the person who signed in here offline work at this
     * library (checked at the desk's next contact): nobody is signed in any more.
     */
    void offlinePersonRefused() {
        if (session != null) {
            signedOut();
            ended.forEach(Runnable::run);
        }
    }

    private final CopyOnWriteArrayList<Runnable> ended = new CopyOnWriteArrayList<>();

    /** Told when the central register ended the person's session, on the thread that learnt it. */
    public void onSessionEnded(Runnable listener) {
        ended.add(listener);
    }

    /** Told of every sign-in and sign-out, on the thread that made it. */
    public void onChange(Consumer<Optional<StaffSession>> listener) {
        listeners.add(listener);
    }

    /** The central register's session for requests made for the person, if there is one. */
    public Optional<String> token() {
        StaffSession s = session;
        return s == null ? Optional.empty() : Optional.ofNullable(s.token());
    }

    @Override
    public String staffUser() {
        StaffSession s = session;
        if (s == null) {
            throw new NobodySignedIn();
        }
        return s.userName();
    }

    @Override
    public java.util.List<String> roles() {
        StaffSession s = session;
        return s == null ? java.util.List.of() : s.roles();
    }

    @Override
    public boolean may(String permission) {
        StaffSession s = session;
        return s != null && s.may(permission);
    }

    @Override
    public String workstation() {
        return workstation;
    }

    /**
     * Work that acts for the signed-in person found nobody: the person was signed out while it ran
     * (the central register ended the session, or the account was made inactive). Not a fault: the
     * sign-in screen already says why.
     */
    public static final class NobodySignedIn extends IllegalStateException {
        NobodySignedIn() {
            super("nobody is signed in at this desk");
        }
    }

    /** Whether {@code failure} (or what caused it) is {@link NobodySignedIn}. */
    public static boolean signedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NobodySignedIn) {
                return true;
            }
        }
        return false;
    }
}

package app.carddesk.ui.signin;

import app.carddesk.domain.PasswordPolicy;
import app.carddesk.domain.Problem;
import app.carddesk.staff.StaffSession;
import app.carddesk.staff.StaffSignIn;
import app.carddesk.ui.background.BackgroundWork;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Who works at the desk: the sign-in screen (and the new password an administrator-set one asks
 * for), switching user, and the lock after the desk stood unused. Passwords live in these
 * properties only while they are typed; they are cleared as soon as they have been used.
 */
public final class SignInViewModel {

    public final StringProperty userName = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty newPassword = new SimpleStringProperty("");
    public final StringProperty repeatPassword = new SimpleStringProperty("");
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    /** Someone is signed in and may use the desk. */
    public final BooleanProperty signedIn = new SimpleBooleanProperty(false);
    /** Signed in with a password an administrator set: a new one is asked for first. */
    public final BooleanProperty mustChange = new SimpleBooleanProperty(false);
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** The person signed in, for the status bar. */
    public final ObjectProperty<StaffSession> session = new SimpleObjectProperty<>();

    /** Joining the organisation (a desk on its own only): the central register's address and the code. */
    public final BooleanProperty enrolOpen = new SimpleBooleanProperty(false);
    public final StringProperty enrolAddress = new SimpleStringProperty("");
    public final StringProperty enrolCode = new SimpleStringProperty("");
    public final ObjectProperty<Problem> enrolProblem = new SimpleObjectProperty<>();
    /** Enrolled: which library and workstation (a restart connects the desk). */
    public final ObjectProperty<Problem> enrolDone = new SimpleObjectProperty<>();

    private final StaffSignIn signIn;
    private Optional<app.carddesk.staff.WorkstationEnrolment> enrolment = Optional.empty();
    private final BackgroundWork background;
    private final String libraryCode;
    private final String libraryName;

    public SignInViewModel(StaffSignIn signIn, BackgroundWork background, String libraryCode, String libraryName) {
        this.signIn = signIn;
        this.background = background;
        this.libraryCode = libraryCode;
        this.libraryName = libraryName;
        Optional<StaffSession> now = signIn.staff().current();
        signedIn.set(now.isPresent());
        session.set(now.orElse(null));
        // "Sign in first" after a scan goes once the person starts typing their name.
        userName.addListener((obs, old, typed) -> {
            if (problem.get() != null && "signin.scanFirst".equals(problem.get().key()) && !typed.isEmpty()) {
                problem.set(null);
            }
        });
    }

    /** Lets a desk on its own join its library's organisation from the sign-in screen. */
    public SignInViewModel enrolWith(Optional<app.carddesk.staff.WorkstationEnrolment> use) {
        this.enrolment = use;
        // A real library's desk on its own lets nobody in: its first start asks to join at once.
        if (use.isPresent() && demoAccount().isEmpty()) {
            enrolOpen.set(true);
        }
        return this;
    }

    public boolean canEnrol() {
        return enrolment.isPresent();
    }

    /** Trades the code for this desk's own credential and keeps it in the desk's settings. */
    public void enrol() {
        if (enrolment.isEmpty() || busy.get()) {
            return;
        }
        String address = enrolAddress.get();
        String code = enrolCode.get();
        busy.set(true);
        enrolProblem.set(null);
        background.submit(() -> enrolment.get().enrol(address, code), result -> {
            busy.set(false);
            if (result instanceof app.carddesk.staff.WorkstationEnrolment.Done done) {
                enrolCode.set("");
                // The library by its name, with the code IT knows it by.
                enrolDone.set(Problem.of("enrol.done", done.libraryName() == null ? done.library()
                        : done.libraryName() + " (" + done.library() + ")", done.workstationName()));
            } else if (result instanceof app.carddesk.staff.WorkstationEnrolment.Refused no) {
                enrolProblem.set(Problem.of(no.key(), no.args().toArray()));
            }
        }, failure -> {
            busy.set(false);
            enrolProblem.set(Problem.of("enrol.unreachable", failure.getClass().getSimpleName()));
        });
    }

    /** The demo account to show on a demo desk on its own, as {user, password}; empty on a real desk. */
    public Optional<List<String>> demoAccount() {
        return signIn.demoAccount();
    }

    /** Signs in, or (after an administrator-set password) changes it and goes on. */
    public void submit() {
        if (busy.get()) {
            return;
        }
        if (mustChange.get()) {
            changePassword();
            return;
        }
        String user = userName.get();
        String typed = password.get();
        busy.set(true);
        background.submit(() -> signIn.signIn(user, typed), result -> {
            busy.set(false);
            if (result instanceof StaffSignIn.MustChangePassword) {
                mustChange.set(true);
                problem.set(Problem.of("signin.mustChange"));
                return;
            }
            password.set("");
            accept(result);
        }, failure -> {
            busy.set(false);
            password.set("");
            org.slf4j.LoggerFactory.getLogger(SignInViewModel.class).error("Sign-in failed at this desk", failure);
            problem.set(Problem.of("signin.failedHere", failure.getClass().getSimpleName()));
        });
    }

    private void changePassword() {
        String current = password.get();
        String next = newPassword.get();
        String repeated = repeatPassword.get();
        Optional<Problem> weak = new PasswordPolicy().check(next, List.of(userName.get(), libraryCode, libraryName));
        if (weak.isPresent()) {
            problem.set(weak.get());
            return;
        }
        busy.set(true);
        background.submit(() -> signIn.changePassword(current, next, repeated), result -> {
            busy.set(false);
            if (result instanceof StaffSignIn.SignedIn) {
                password.set("");
                newPassword.set("");
                repeatPassword.set("");
                mustChange.set(false);
            }
            accept(result);
        }, failure -> {
            busy.set(false);
            org.slf4j.LoggerFactory.getLogger(SignInViewModel.class).error("Sign-in failed at this desk", failure);
            problem.set(Problem.of("signin.failedHere", failure.getClass().getSimpleName()));
        });
    }

    private void accept(StaffSignIn.Result result) {
        if (result instanceof StaffSignIn.SignedIn ok) {
            problem.set(null);
            session.set(ok.session());
            signedIn.set(true);
        } else if (result instanceof StaffSignIn.Refused no) {
            problem.set(Problem.of(no.key(), no.args().toArray()));
        }
    }

    /** "Switch user": the person leaves, the desk keeps its queue and waits for the next. */
    public void switchUser() {
        // Emptied first: the screen that comes back puts the cursor in the first empty box.
        userName.set("");
        leave(null);
    }

    /** The desk stood unused: it locks, and the same person (or another) signs in again. */
    public void lockIdle(long minutes) {
        if (signedIn.get()) {
            leave(Problem.of("signin.idleLocked", minutes));
        }
    }

    private void leave(Problem why) {
        signedIn.set(false);
        session.set(null);
        mustChange.set(false);
        password.set("");
        newPassword.set("");
        repeatPassword.set("");
        problem.set(why);
        background.submit(() -> {
            signIn.signOut();
            return Boolean.TRUE;
        }, done -> { }, failure -> { });
    }

    /** The central register ended the person's session: the desk locks and says why. */
    public void sessionEnded() {
        if (signedIn.get()) {
            leave(Problem.of("signin.sessionEnded"));
        }
    }

    /** A card was scanned while nobody is signed in: it does nothing but say so. */
    public void scannedWhileSignedOut() {
        problem.set(Problem.of("signin.scanFirst"));
    }
}

package app.carddesk.security;

/** Turns a PIN into a salted slow hash and checks a PIN against one; the PIN itself is never kept. */
public interface PinHasher {

    String hash(String pin);

    boolean matches(String pin, String hash);
}

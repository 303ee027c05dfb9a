package app.carddesk.central;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The organisation operator's credential ({@code CARDDESK_CENTRAL_ADMIN_TOKEN}), kept as its
 * SHA-256 hash and compared in constant time; none configured matches nothing.
 */
final class OperatorCredential {

    private final byte[] hash;

    OperatorCredential(String token) {
        this.hash = token == null || token.isBlank() ? null
                : Envelope.sha256(token.trim()).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether an {@code Authorization} header carries the operator's credential. */
    boolean presentedIn(String authorization) {
        String token = Workstations.bearer(authorization);
        return hash != null && token != null
                && MessageDigest.isEqual(hash, Envelope.sha256(token).getBytes(StandardCharsets.UTF_8));
    }
}

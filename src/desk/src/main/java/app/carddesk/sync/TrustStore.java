package app.carddesk.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificates the desk trusts for an HTTPS central register: the system's certificate
 * authorities, or an organisation's own (a PKCS#12 trust store that IT names in
 * {@code carddesk.central.truststore}). Host names are always checked.
 */
public final class TrustStore {

    private TrustStore() {
    }

    /** The TLS context for {@code trustStore}, or the system's when it is null. */
    public static SSLContext context(Path trustStore, String password) {
        try {
            if (trustStore == null) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(trustStore)) {
                store.load(in, password == null ? new char[0] : password.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("The trust store " + trustStore + " (carddesk.central.truststore) "
                    + "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether a failed request failed because the central register's certificate is not trusted. */
    public static boolean untrusted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException
                    || t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }
}

package app.carddesk.sync;

import app.carddesk.api.Api;
import app.carddesk.issuing.CentralLookup.CardAnswer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Questions the desk asks the central register while staff wait: a patron by card, national ID or
 * search, and one patron's current version taken into the desk's register.
 */
public final class CentralQueries implements app.carddesk.issuing.CentralLookup {

    private final CentralClient client;
    private final SyncLedger ledger;
    private final CentralLink link;

    CentralQueries(CentralClient client, SyncLedger ledger, CentralLink link) {
        this.client = client;
        this.ledger = ledger;
        this.link = link;
    }

    @Override
    public Optional<UUID> patronByCard(String cardNumber) {
        return pullByCard(cardNumber);
    }

    @Override
    public Optional<UUID> patronByIdentity(String identityNumber) {
        return pullByIdentity(identityNumber);
    }

    @Override
    public boolean registeredElsewhere(String cardNumber) {
        try {
            CentralClient.Response r = client.post("/api/v1/national/search", null,
                    new Api.NationalSearch(cardNumber, null));
            return r.ok() && !client.read(r, Api.NationalPatron.class).activeHere();
        } catch (CentralClient.UnreachableException e) {
            link.offline();
            return false;
        }
    }

    /** The version of a patron the central register holds now, without taking its data. */
    public Optional<Integer> centralVersion(UUID id) {
        try {
            CentralClient.Response r = client.get("/api/v1/patrons/" + id);
            return r.ok() ? Optional.ofNullable(client.read(r, Api.Patron.class).version()) : Optional.empty();
        } catch (CentralClient.UnreachableException e) {
            link.offline();
            return Optional.empty();
        }
    }

    /** Takes the central register's current version of one patron into the local store. */
    @Override
    public Optional<UUID> pullById(UUID id) {
        return take("/api/v1/patrons/" + id) instanceof CardAnswer.Holder h ? Optional.of(h.patronId())
                : Optional.empty();
    }

    /** Asks the central register for this library's patron with a card number the desk does not know. */
    public Optional<UUID> pullByCard(String cardNumber) {
        return card(cardNumber) instanceof CardAnswer.Holder h ? Optional.of(h.patronId()) : Optional.empty();
    }

    /** The patron with this card (taken into the desk's register), a retired card, or nothing known. */
    @Override
    public CardAnswer card(String cardNumber) {
        return take("/api/v1/patrons?cardNumber=" + URLEncoder.encode(cardNumber, StandardCharsets.UTF_8));
    }

    /** One patron the central register holds, taken into the desk's register; a retired card (410); or nothing. */
    private CardAnswer take(String path) {
        try {
            CentralClient.Response r = client.get(path);
            if (r.status() == 410) {
                return new CardAnswer.Retired();
            }
            if (!r.ok()) {
                return new CardAnswer.Unknown();
            }
            Api.Patron patron = client.read(r, Api.Patron.class);
            ledger.applyPatron(patron);
            return new CardAnswer.Holder(patron.id());
        } catch (CentralClient.UnreachableException e) {
            link.offline();
            return new CardAnswer.Unknown();
        }
    }

    /**
     * Asks the central register for this library's patron with a national ID the desk does not
     * know. The number goes in a request body, never in a URL.
     */
    public Optional<UUID> pullByIdentity(String number) {
        return searchCentral(new Api.PatronSearch(null, number, null, null, null, null))
                .flatMap(found -> found.patrons().stream().findFirst()).flatMap(p -> pullById(p.id()));
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public Optional<app.carddesk.issuing.CentralLookup.SearchAnswer> search(app.carddesk.domain.PatronQuery q) {
        String v = q.value();
        Api.PatronSearch body = switch (q.kind()) {
            case CARD -> new Api.PatronSearch(v, null, null, null, null, null);
            case IDENTITY -> new Api.PatronSearch(null, v, null, null, null, null);
            case EMAIL -> new Api.PatronSearch(null, null, v, null, null, null);
            case PHONE -> new Api.PatronSearch(null, null, null, v, null, null);
            case NAME -> new Api.PatronSearch(null, null, null, null, v, q.birthDate());
        };
        return searchCentral(body).map(found -> new app.carddesk.issuing.CentralLookup.SearchAnswer(
                found.patrons().stream().map(p -> new app.carddesk.issuing.PatronSummary(p.id(), p.cardNumber(),
                        p.givenName(), p.surname(), p.birthDate(), "CENTRAL")).toList(), found.more()));
    }

    private Optional<Api.PatronSearchResult> searchCentral(Api.PatronSearch body) {
        try {
            CentralClient.Response r = client.post("/api/v1/patrons/search", null, body);
            return r.ok() ? Optional.of(client.read(r, Api.PatronSearchResult.class)) : Optional.empty();
        } catch (CentralClient.UnreachableException e) {
            link.offline();
            return Optional.empty();
        }
    }
}

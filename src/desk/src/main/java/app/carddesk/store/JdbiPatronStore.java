package app.carddesk.store;

import app.carddesk.domain.PatronQuery;

import app.carddesk.domain.Address;
import app.carddesk.domain.ContactRules;
import app.carddesk.domain.Patron;
import app.carddesk.identity.PersonRecord;
import app.carddesk.issuing.AuditEntry;
import app.carddesk.issuing.CardRecord;
import app.carddesk.issuing.CardStatus;
import app.carddesk.issuing.KeptContact;
import app.carddesk.issuing.OutboxEntry;
import app.carddesk.issuing.PatronStore;
import app.carddesk.issuing.PatronSummary;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The desk's {@link PatronStore} on H2 through Jdbi. */
public final class JdbiPatronStore implements PatronStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;
    private final RegisterWriter writer;
    private final Clock clock;

    private final Runnable queued;

    /**
     * A store that writes through the register's one writer and tells {@code database} whenever a
     * change was queued for the central register.
     */
    public JdbiPatronStore(Database database, Clock clock) {
        this(database.jdbi(), database.writer(), clock, database::changeQueued);
    }

    private JdbiPatronStore(Jdbi jdbi, RegisterWriter writer, Clock clock, Runnable queued) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.clock = clock;
        this.queued = queued;
    }

    @Override
    public Optional<CardRecord> card(String number) {
        return jdbi.withExtension(CardDao.class, dao -> dao.find(number));
    }

    @Override
    public boolean registrationRefused(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM patron p WHERE p.id = :id "
                + "AND p.central_version IS NULL AND EXISTS (SELECT 1 FROM sync_problem s WHERE s.patron_id = p.id "
                + "AND s.change_kind = 'PATRON_CREATED') AND NOT EXISTS (SELECT 1 FROM outbox o "
                + "WHERE o.patron_id = p.id AND o.kind = 'PATRON_CREATED')").bind("id", id).mapTo(Integer.class)
                .one() > 0);
    }

    @Override
    public boolean pinMailWaiting(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE patron_id = :id "
                + "AND kind = 'PIN_EMAIL_REQUESTED'").bind("id", id).mapTo(Integer.class).one() > 0);
    }

    @Override
    public void requestPinMail(UUID patronId, AuditEntry audit, List<OutboxEntry> outbox) {
        writer.useTransaction(h -> {
            if (h.attach(PatronDao.class).byId(patronId).isEmpty()) {
                throw new ConflictException("patron_gone");
            }
            record(h, audit, outbox);
        });
    }

    @Override
    public Optional<Patron> patron(UUID id) {
        return jdbi.withExtension(PatronDao.class, dao -> dao.byId(id)).map(StoredPatron::patron);
    }

    @Override
    public Optional<UUID> patronIdByIdentity(String identityNumber) {
        return jdbi.withExtension(PatronDao.class, dao -> dao.idByIdentity(identityNumber));
    }

    @Override
    public List<AuditEntry> auditTrail(UUID patronId) {
        return jdbi.withExtension(AuditDao.class, d -> d.forPatron(patronId));
    }

    @Override
    public List<PatronSummary> search(PatronQuery query, int limit) {
        StringBuilder where = new StringBuilder();
        List<Object> values = new java.util.ArrayList<>();
        switch (query.kind()) {
            case CARD -> {
                // A card the patron had before (lost, replaced, cut in half) finds them too.
                where.append("(card_number = ? OR id IN (SELECT patron_id FROM card WHERE number = ?))");
                values.add(query.value());
                values.add(query.value());
            }
            case IDENTITY -> {
                where.append("identity_number = ?");
                values.add(query.value());
            }
            case EMAIL -> {
                where.append("email_key = ?");
                values.add(ContactRules.emailKey(query.value()));
            }
            case PHONE -> {
                where.append("phone_key = ?");
                values.add(ContactRules.phoneKey(query.value()));
            }
            case NAME -> {
                where.append("1 = 1");
                for (String[] like : PatronQuery.nameLikePatterns(query.value())) {
                    where.append(" AND (surname_key LIKE ? ESCAPE '!' OR surname_key LIKE ? ESCAPE '!'"
                            + " OR given_name_key LIKE ? ESCAPE '!' OR given_name_key LIKE ? ESCAPE '!')");
                    values.addAll(List.of(like[0], like[1], like[0], like[1]));
                }
                if (query.birthDate() != null) {
                    where.append(" AND birth_date = ?");
                    values.add(query.birthDate());
                }
            }
            default -> throw new IllegalArgumentException("no search by " + query.kind());
        }
        String sql = "SELECT id, card_number, given_name, surname, birth_date, '" + query.kind().name()
                + "' AS reason FROM patron WHERE " + where + " ORDER BY surname_key, given_name_key, id LIMIT " + limit;
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < values.size(); i++) {
                q.bind(i, values.get(i));
            }
            return q.map(org.jdbi.v3.core.mapper.reflect.ConstructorMapper.of(PatronSummary.class)).list();
        });
    }

    @Override
    public List<PatronSummary> relatives(UUID patronId) {
        return jdbi.withExtension(PatronDao.class, dao -> dao.relatives(patronId));
    }

    @Override
    public List<PatronSummary> similar(String surnameKey, String givenNameKey, LocalDate birthDate, String emailKey,
                                       String phoneKey, int limit) {
        return jdbi.withExtension(PatronDao.class,
                dao -> dao.similar(surnameKey, givenNameKey, birthDate, emailKey, phoneKey, limit));
    }

    @Override
    public void insertChild(Patron child, String pinHash, Patron newGuardian, UUID guardianId, Instant consentAt,
                            List<AuditEntry> audit, List<OutboxEntry> outbox) {
        try {
            writer.useTransaction(h -> {
                if (newGuardian != null) {
                    h.attach(PatronDao.class).insert(newGuardian, null);
                }
                insertWithCard(h, child, pinHash);
                h.attach(GuardianDao.class).linkAll(List.of(new GuardianDao.Link(child.id(), guardianId, consentAt,
                        audit.get(0).staff())));
                audit.forEach(a -> h.attach(AuditDao.class).append(a));
                OutboxDao out = h.attach(OutboxDao.class);
                outbox.forEach(e -> out.append(e, clock.instant(), audit.get(0).staff()));
            });
        } catch (UnableToExecuteStatementException e) {
            throw translate(e);
        }
    }

    private static void insertWithCard(Handle h, Patron patron, String pinHash) {
        CardDao cards = h.attach(CardDao.class);
        Optional<CardRecord> existing = cards.find(patron.cardNumber());
        if (existing.isPresent()) {
            throw new ConflictException(existing.get().status() == CardStatus.RETIRED
                    ? "card_number_retired" : "card_number_taken");
        }
        PatronDao patrons = h.attach(PatronDao.class);
        if (patron.identity() != null && patrons.idByIdentity(patron.identity().number()).isPresent()) {
            throw new ConflictException("identity_already_registered");
        }
        patrons.insert(patron, pinHash);
        cards.issue(patron.cardNumber(), patron.id(), patron.createdAt());
    }

    @Override
    public void insert(Patron patron, String pinHash, AuditEntry audit, List<OutboxEntry> outbox) {
        try {
            writer.useTransaction(h -> {
                insertWithCard(h, patron, pinHash);
                record(h, audit, outbox);
            });
        } catch (UnableToExecuteStatementException e) {
            throw translate(e);
        }
    }

    @Override
    public void convertToNationalId(UUID patronId, PersonRecord master, String retiredCard, KeptContact kept,
                                    AuditEntry audit, List<OutboxEntry> outbox) {
        Instant now = clock.instant();
        Address a = master.address();
        try {
            writer.useTransaction(h -> {
                int changed = h.attach(PatronDao.class).convert(patronId, master.identity().kind().name(),
                        master.identity().number(), master.surname(), master.givenName(),
                        ContactRules.nameKey(master.surname()), ContactRules.nameKey(master.givenName()),
                        master.birthDate(), a.line(), a.postalCode(), a.city(), a.country(), retiredCard == null, kept.email(),
                        kept.phone(), now);
                if (changed != 1) {
                    throw new ConflictException("patron_gone");
                }
                if (retiredCard != null) {
                    h.attach(CardDao.class).retire(retiredCard, now, app.carddesk.issuing.PatronUpkeep.DESTROYED_AFTER_CONVERSION);
                }
                record(h, audit, outbox);
            });
        } catch (UnableToExecuteStatementException e) {
            throw translate(e);
        }
    }

    @Override
    public List<Patron> needingReRegistration() {
        return jdbi.withExtension(PatronDao.class, PatronDao::needingReRegistration).stream()
                .map(StoredPatron::patron).toList();
    }

    @Override
    public List<Patron> expiredShortStay(LocalDate today) {
        return jdbi.withExtension(PatronDao.class, dao -> dao.expiredShortStay(today)).stream()
                .map(StoredPatron::patron).toList();
    }

    @Override
    public void delete(UUID patronId, AuditEntry audit, List<OutboxEntry> outbox) {
        writer.useTransaction(h -> {
            PatronDao patrons = h.attach(PatronDao.class);
            Optional<Patron> row = patrons.byId(patronId).map(StoredPatron::patron);
            if (row.isEmpty()) {
                throw new ConflictException("patron_gone");
            }
            if (row.get().cardNumber() != null) {
                h.attach(CardDao.class).retire(row.get().cardNumber(), clock.instant(), "PATRON_DELETED");
            }
            patrons.delete(patronId);
            record(h, audit, outbox);
        });
    }

    @Override
    public void merge(UUID survivorId, UUID otherId, String keepCard, AuditEntry audit, List<OutboxEntry> outbox) {
        Instant now = clock.instant();
        writer.useHandle(h -> h.attach(MergeDao.class).merge(survivorId, otherId, keepCard, now, audit, outbox));
        if (!outbox.isEmpty()) {
            queued.run();
        }
    }

    @Override
    public void forget(UUID patronId, AuditEntry audit) {
        writer.useTransaction(h -> {
            h.attach(CardDao.class).deleteAllOf(patronId);
            h.attach(GuardianDao.class).unlinkPatron(patronId);
            h.attach(PatronDao.class).delete(patronId);
            h.attach(AuditDao.class).append(audit);
        });
    }

    @Override
    public void recordAudit(AuditEntry audit) {
        writer.useHandle(h -> h.attach(AuditDao.class).append(audit));
    }

    @Override
    public void changePickupLibrary(UUID patronId, String pickupLibraryCode, AuditEntry audit,
                                    List<OutboxEntry> outbox) {
        writer.useTransaction(h -> {
            if (h.attach(PatronDao.class).changePickup(patronId, pickupLibraryCode, clock.instant()) != 1) {
                throw new ConflictException("patron_gone");
            }
            record(h, audit, outbox);
        });
    }

    @Override
    public void replaceCard(UUID patronId, String newCard, String oldCard, String reason, AuditEntry audit,
                            List<OutboxEntry> outbox) {
        Instant now = clock.instant();
        try {
            writer.useTransaction(h -> {
                CardDao cards = h.attach(CardDao.class);
                Optional<CardRecord> existing = cards.find(newCard);
                if (existing.isPresent()) {
                    throw new ConflictException(existing.get().status() == CardStatus.RETIRED
                            ? "card_number_retired" : "card_number_taken");
                }
                if (oldCard != null) {
                    cards.retire(oldCard, now, reason);
                }
                cards.issue(newCard, patronId, now);
                if (h.attach(PatronDao.class).changeCard(patronId, newCard, now) != 1) {
                    throw new ConflictException("patron_gone");
                }
                record(h, audit, outbox);
            });
        } catch (UnableToExecuteStatementException e) {
            throw translate(e);
        }
    }

    @Override
    public void changeContact(UUID patronId, String email, String phone, app.carddesk.domain.Address address,
                              AuditEntry audit, List<OutboxEntry> outbox) {
        writer.useTransaction(h -> {
            if (h.attach(PatronDao.class).changeContact(patronId, email, ContactRules.emailKey(email), phone,
                    ContactRules.phoneKey(phone), address.line(), address.postalCode(), address.city(),
                    address.country(), clock.instant()) != 1) {
                throw new ConflictException("patron_gone");
            }
            record(h, audit, outbox);
        });
    }

    @Override
    public void updateBalances(UUID patronId, long feesOwedMinor, long printCreditMinor, AuditEntry audit,
                               List<OutboxEntry> outbox) {
        writer.useTransaction(h -> {
            if (h.attach(PatronDao.class).updateBalances(patronId, feesOwedMinor, printCreditMinor,
                    clock.instant()) != 1) {
                throw new ConflictException("patron_gone");
            }
            record(h, audit, outbox);
        });
    }

    private void record(Handle h, AuditEntry audit, List<OutboxEntry> outbox) {
        h.attach(AuditDao.class).append(audit);
        OutboxDao out = h.attach(OutboxDao.class);
        Instant now = clock.instant();
        outbox.forEach(e -> out.append(e, now, audit.staff()));
        if (!outbox.isEmpty()) {
            h.afterCommit(queued);
        }
    }

    /** A unique index caught what another desk did between our check and our write. */
    private static RuntimeException translate(UnableToExecuteStatementException e) {
        if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
            String message = sql.getMessage().toUpperCase(Locale.ROOT);
            return new ConflictException(message.contains("IDENTITY") ? "identity_already_registered"
                    : "card_number_taken");
        }
        return e;
    }



}

package app.carddesk.store;

import app.carddesk.staff.StaffKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code staff-keys.json} in the data folder, readable by its owner only: the staff keys of
 * {@link StaffKeys}. Written to a new file and moved into place, so that a crash leaves the old
 * file or the new one; an unreadable file counts as empty (nobody signs in offline until the next
 * online sign-in), and is kept aside for IT rather than overwritten.
 */
public final class StaffKeysFile implements StaffKeys {

    /** The file's content. */
    record Content(String deskId, String libraryName, Map<String, Entry> people,
                   Map<String, OfflineFailures> failures) {
        Content {
            people = people == null ? new LinkedHashMap<>() : new LinkedHashMap<>(people);
            failures = failures == null ? new LinkedHashMap<>() : new LinkedHashMap<>(failures);
        }
    }

    private final Path file;
    private final ObjectMapper json = app.carddesk.api.Json.mapper();
    private Content content;

    public StaffKeysFile(Path dataDir) {
        this.file = dataDir.resolve("staff-keys.json");
        this.content = read();
    }

    private Content read() {
        if (!Files.isRegularFile(file)) {
            return new Content(null, null, null, null);
        }
        try {
            return json.readValue(file.toFile(), Content.class);
        } catch (IOException e) {
            try {
                Files.move(file, file.resolveSibling("staff-keys.unreadable-" + System.currentTimeMillis() + ".json"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // Overwritten at the next save, then.
            }
            return new Content(null, null, null, null);
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(next);
            Files.createFile(next);
            DataFolder.ownerOnly(next);
            json.writerWithDefaultPrettyPrinter().writeValue(next.toFile(), content);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized String deskId() {
        if (content.deskId() == null) {
            content = new Content(UUID.randomUUID().toString(), content.libraryName(), content.people(),
                    content.failures());
            write();
        }
        return content.deskId();
    }

    @Override
    public synchronized void deskId(String id) {
        if (!id.equals(content.deskId())) {
            content = new Content(id, content.libraryName(), content.people(), content.failures());
            write();
        }
    }

    @Override
    public synchronized Optional<String> libraryName() {
        return Optional.ofNullable(content.libraryName());
    }

    @Override
    public synchronized void libraryName(String name) {
        if (!name.equals(content.libraryName())) {
            content = new Content(content.deskId(), name, content.people(), content.failures());
            write();
        }
    }

    @Override
    public synchronized Optional<Entry> find(String userName) {
        return Optional.ofNullable(content.people().get(userName));
    }

    @Override
    public synchronized void save(Entry entry) {
        content.people().put(entry.userName(), entry);
        write();
    }

    @Override
    public synchronized void forget(String userName) {
        if (content.people().remove(userName) != null) {
            write();
        }
    }

    @Override
    public synchronized OfflineFailures offlineFailures(String userName) {
        return content.failures().getOrDefault(userName, OfflineFailures.NONE);
    }

    @Override
    public synchronized void offlineFailures(String userName, OfflineFailures failures) {
        if (failures.inARow() == 0 && failures.lockedUntil() == null && !failures.unauditedAny()) {
            content.failures().remove(userName);
        } else {
            content.failures().put(userName, failures);
        }
        write();
    }

    @Override
    public synchronized Map<String, OfflineFailures> takeUnauditedFailures() {
        Map<String, OfflineFailures> taken = new LinkedHashMap<>();
        content.failures().replaceAll((user, f) -> {
            if (!f.unauditedAny()) {
                return f;
            }
            taken.put(user, f);
            return f.audited();
        });
        if (!taken.isEmpty()) {
            content.failures().values().removeIf(f -> f.equals(OfflineFailures.NONE));
            write();
        }
        return taken;
    }

    @Override
    public synchronized void forgetAll() {
        if (!content.people().isEmpty()) {
            content.people().clear();
            write();
        }
    }
}

package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PatronIdsTest {

    @Test
    void anIdIsAVersion7UuidThatTellsWhenItWasMade() {
        Instant made = Instant.parse("2026-12-02T10:15:30.123Z");
        UUID id = PatronIds.next(Clock.fixed(made, ZoneOffset.UTC));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(made.toEpochMilli());
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void idsMadeLaterSortLaterAndIdsMadeTogetherDiffer() {
        Instant start = Instant.parse("2026-12-02T10:15:30Z");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(PatronIds.next(Clock.fixed(start.plusMillis(i), ZoneOffset.UTC)));
        }
        assertThat(ids).isSorted();
        assertThat(ids.stream().map(UUID::toString).toList()).as("as text too, as H2 and PostgreSQL sort them")
                .isSorted();
        java.util.Set<UUID> sameMoment = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            sameMoment.add(PatronIds.next(Clock.fixed(start, ZoneOffset.UTC)));
        }
        assertThat(sameMoment).hasSize(1_000);
    }
}

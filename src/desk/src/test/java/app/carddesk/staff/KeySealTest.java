package app.carddesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.security.Argon2Cost;
import org.junit.jupiter.api.Test;

class KeySealTest {

    @Test
    void aSealRecordsTheCostItWasMadeWithAndOpensOnlyWithItsPassword() {
        RegisterKey key = RegisterKey.random();
        KeySeal.Sealed sealed = KeySeal.seal(key, "paper lantern", "ana.berg");

        assertThat(new Argon2Cost(sealed.memoryKib(), sealed.passes())).isEqualTo(Argon2Cost.current());
        assertThat(KeySeal.open(sealed, "paper lantern", "ana.berg")).hasValueSatisfying(k ->
                assertThat(k.bytes()).isEqualTo(key.bytes()));
        assertThat(KeySeal.open(sealed, "paper lanterns", "ana.berg")).isEmpty();
    }

    @Test
    void aSealOpensOnlyWithTheTextItIsBoundTo() {
        KeySeal.Sealed sealed = KeySeal.seal(RegisterKey.random(), "paper lantern", "ana.berg DESK_STAFF");

        assertThat(KeySeal.open(sealed, "paper lantern", "ana.berg DESK_STAFF")).isPresent();
        assertThat(KeySeal.open(sealed, "paper lantern", "ana.berg ORG_ADMIN")).isEmpty();
        KeySeal.Sealed unmarked = new KeySeal.Sealed(sealed.salt(), sealed.nonce(), sealed.box(), sealed.memoryKib(),
                sealed.passes(), null);
        assertThat(KeySeal.open(unmarked, "paper lantern", "ana.berg ORG_ADMIN"))
                .as("a bound seal passed off as one from before binding").isEmpty();
    }

    /** A person's entry in staff-keys.json: nothing in it can be changed without its seal failing. */
    @Test
    void anEntryEditedInTheFileOpensForNoPassword() {
        RegisterKey key = RegisterKey.random();
        java.time.Instant at = java.time.Instant.parse("2026-12-01T08:15:30.123456789Z");
        StaffKeys.Entry entry = StaffKeys.Entry.sealed("ana.berg", "Ana Berg", java.util.List.of("DESK_STAFF"),
                java.util.Set.of("issue", "search"), at, key, "paper lantern");

        assertThat(entry.open("paper lantern")).hasValueSatisfying(k -> assertThat(k.bytes()).isEqualTo(key.bytes()));
        assertThat(entry.unbound()).isFalse();
        assertThat(new StaffKeys.Entry("ana.berg", "Ana Berg", java.util.List.of("DESK_STAFF", "ORG_ADMIN"),
                entry.permissions(), at, entry.seal()).open("paper lantern")).as("a role added").isEmpty();
        assertThat(new StaffKeys.Entry("ana.berg", "Ana Berg", entry.roles(), java.util.Set.of("issue", "search",
                "merge"), at, entry.seal()).open("paper lantern")).as("a permission added").isEmpty();
        assertThat(new StaffKeys.Entry("ana.berg", "Ana Berg", entry.roles(), entry.permissions(),
                at.plusSeconds(86_400), entry.seal()).open("paper lantern")).as("the grace period moved").isEmpty();
        assertThat(new StaffKeys.Entry("bo.lund", "Ana Berg", entry.roles(), entry.permissions(), at, entry.seal())
                .open("paper lantern")).as("another person's name").isEmpty();
        assertThat(new StaffKeys.Entry("ana.berg", "Ana Berg", entry.roles(), java.util.Set.of("search", "issue"), at,
                entry.seal()).open("paper lantern")).as("the same permissions in another order").isPresent();
    }

    /** staff-keys.json written before seals recorded their cost: all made at OWASP's setting. */
    @Test
    void aSealWithoutARecordedCostWasMadeAtOwaspsSetting() throws Exception {
        RegisterKey key = RegisterKey.random();
        KeySeal.Sealed before = LegacySeal.of(key, "paper lantern");

        assertThat(KeySeal.open(before, "paper lantern", "anything")).hasValueSatisfying(k ->
                assertThat(k.bytes()).isEqualTo(key.bytes()));
        assertThat(new StaffKeys.Entry("ana.berg", null, null, null, null, before).unbound()).isTrue();
    }

    @Test
    void aSealAskingForACostNoSealOfOursHasDoesNotOpen() {
        KeySeal.Sealed sealed = KeySeal.seal(RegisterKey.random(), "paper lantern", "ana.berg");
        KeySeal.Sealed greedy = new KeySeal.Sealed(sealed.salt(), sealed.nonce(), sealed.box(), 50_000_000, 1, true);

        assertThat(KeySeal.open(greedy, "paper lantern", "ana.berg")).isEmpty();
    }
}

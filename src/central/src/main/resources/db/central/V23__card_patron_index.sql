-- The cards that still lead to a patron, found by the patron: the audit names an entry's record by
-- its card, also for a patron whose current card is gone (a temporary card destroyed at conversion).
CREATE INDEX card_patron ON card (patron_id);

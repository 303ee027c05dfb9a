-- The demo libraries, their card series and loan rules: loaded only in demo mode
-- (CARDDESK_CENTRAL_DEMO=true), never by the migrations of a production register.
INSERT INTO library (code, name, country, test_profile, max_short_stay_days)
VALUES ('DEMO-DK', 'Demo Research Library Copenhagen', 'DK', TRUE, 365);
INSERT INTO library (code, name, country, test_profile, max_short_stay_days)
VALUES ('DEMO-NO', 'Demo folkebibliotek Oslo', 'NO', TRUE, 365);
INSERT INTO card_series (library_code, prefix, digits, range_from, range_to) VALUES ('DEMO-DK', '4099', 5, 0, 99999);
INSERT INTO card_series (library_code, prefix, digits, range_from, range_to)
VALUES ('DEMO-NO', 'N', 9, 0, 9999999);
INSERT INTO library (code, name, country, test_profile, max_short_stay_days, guardian_age, inactive_years)
VALUES ('DEMO-NO-BGO', 'Demo bibliotek Bergen', 'NO', TRUE, 365, 15, 3);
INSERT INTO card_series (library_code, prefix, digits, range_from, range_to)
VALUES ('DEMO-NO-BGO', 'N', 9, 10000000, 19999999);

INSERT INTO loan_rules VALUES ('DEMO-NO', 2,
 'Lånereglement for Demo folkebibliotek Oslo (versjon 2). Lånekortet er personlig. Du er ansvarlig for alt som lånes på kortet. Lånetiden er 28 dager. Materiale som ikke leveres, erstattes. Barn under 15 år trenger samtykke fra foresatte.',
 'Loan rules of Demo public library Oslo (version 2). The card is personal. You are responsible for everything borrowed on it. Loans last 28 days. Items not returned are charged. Children under 15 need their guardian''s consent.',
 TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00');
INSERT INTO loan_rules VALUES ('DEMO-NO-BGO', 1,
 'Lånereglement for Demo bibliotek Bergen (versjon 1). Lånekortet er personlig. Lånetiden er 21 dager.',
 'Loan rules of Demo library Bergen (version 1). The card is personal. Loans last 21 days.',
 TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00');
INSERT INTO loan_rules VALUES ('DEMO-DK', 1,
 'Låneregler for Demo Research Library Copenhagen (version 1). Lånekortet er personligt.',
 'Loan rules of Demo Research Library Copenhagen (version 1). The card is personal.',
 TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00');
UPDATE library SET guardian_age = 15, inactive_years = 3 WHERE code IN ('DEMO-NO', 'DEMO-NO-BGO');

-- Staffed hours of the demo libraries (weekday 1 = Monday), as a library's administrator sets them.
INSERT INTO library_hours (library_code, weekday, opens, closes) VALUES
    ('DEMO-DK', 1, TIME '08:00:00', TIME '21:00:00'), ('DEMO-DK', 2, TIME '08:00:00', TIME '21:00:00'),
    ('DEMO-DK', 3, TIME '08:00:00', TIME '21:00:00'), ('DEMO-DK', 4, TIME '08:00:00', TIME '21:00:00'),
    ('DEMO-DK', 5, TIME '08:00:00', TIME '19:00:00'), ('DEMO-DK', 6, TIME '09:00:00', TIME '17:00:00'),
    ('DEMO-NO', 1, TIME '09:00:00', TIME '20:00:00'), ('DEMO-NO', 2, TIME '09:00:00', TIME '20:00:00'),
    ('DEMO-NO', 3, TIME '09:00:00', TIME '20:00:00'), ('DEMO-NO', 4, TIME '09:00:00', TIME '20:00:00'),
    ('DEMO-NO', 5, TIME '09:00:00', TIME '18:00:00'), ('DEMO-NO', 6, TIME '10:00:00', TIME '16:00:00'),
    ('DEMO-NO-BGO', 1, TIME '10:00:00', TIME '19:00:00'), ('DEMO-NO-BGO', 2, TIME '10:00:00', TIME '19:00:00'),
    ('DEMO-NO-BGO', 3, TIME '10:00:00', TIME '19:00:00'), ('DEMO-NO-BGO', 4, TIME '10:00:00', TIME '19:00:00'),
    ('DEMO-NO-BGO', 5, TIME '10:00:00', TIME '16:00:00');

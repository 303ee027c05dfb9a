-- The demo libraries of the desk's demo profiles, with their reserved card number series.
INSERT INTO library (code, name, country, test_profile, max_short_stay_days)
VALUES ('DEMO-DK', 'Demo Research Library Copenhagen', 'DK', TRUE, 365);
INSERT INTO library (code, name, country, test_profile, max_short_stay_days)
VALUES ('DEMO-NO', 'Demo folkebibliotek Oslo', 'NO', TRUE, 365);
INSERT INTO card_series (library_code, prefix, digits, range_from, range_to) VALUES ('DEMO-DK', '4099', 5, 0, 99999);
INSERT INTO card_series (library_code, prefix, digits, range_from, range_to)
VALUES ('DEMO-NO', 'N', 9, 0, 9999999);

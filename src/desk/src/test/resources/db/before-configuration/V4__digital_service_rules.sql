-- What each country's digital library services ask of a patron's identity, as data per profile.
-- required_identity: a comma-separated list of identity kinds (empty: anyone qualifies).

CREATE TABLE digital_service_rule (
    profile_code      VARCHAR(32) NOT NULL REFERENCES library_profile (code),
    service           VARCHAR(40) NOT NULL,
    required_identity VARCHAR(100) NOT NULL,
    min_age           INT NOT NULL,
    sort_order        INT NOT NULL,
    PRIMARY KEY (profile_code, service)
);

-- Denmark: MitID needs a CPR number and age 15; without it, card number and PIN.
INSERT INTO digital_service_rule VALUES
    ('DEMO-DK', 'MITID_LOGIN', 'CPR', 15, 1),
    ('DEMO-DK', 'CARD_PIN_LOGIN', '', 0, 2),
    ('DEMO-DK', 'SELF_SERVICE_RENEWAL', '', 0, 3),
    ('DEMO-DK', 'EBOOKS', 'CPR', 0, 4);

-- Norway: ID-porten needs a fødselsnummer or D-number; Feide comes with a school or university.
INSERT INTO digital_service_rule VALUES
    ('DEMO-NO', 'IDPORTEN_LOGIN', 'FNR,D_NUMBER', 13, 1),
    ('DEMO-NO', 'CARD_PIN_LOGIN', '', 0, 2),
    ('DEMO-NO', 'SELF_SERVICE_RENEWAL', '', 0, 3),
    ('DEMO-NO', 'EBOOKS', 'FNR,D_NUMBER', 0, 4);

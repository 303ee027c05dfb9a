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

-- The rules themselves are part of each library's configuration (decision 0013); this version once
-- inserted the demo libraries' rules.

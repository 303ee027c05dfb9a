-- A library's staffed hours, per weekday (1 Monday .. 7 Sunday) in the library's own time zone:
-- sign-ins outside them are a sign that a personal account serves as a system account. A day
-- without a row is a closed day; a library without any row has no hours set and shows no sign.
CREATE TABLE library_hours (
    library_code VARCHAR(32) NOT NULL REFERENCES library (code),
    weekday      INT         NOT NULL,
    opens        TIME        NOT NULL,
    closes       TIME        NOT NULL,
    PRIMARY KEY (library_code, weekday),
    CONSTRAINT library_hours_day CHECK (weekday BETWEEN 1 AND 7),
    CONSTRAINT library_hours_order CHECK (opens < closes)
);

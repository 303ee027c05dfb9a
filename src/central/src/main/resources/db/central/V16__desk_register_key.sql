-- Each desk's register is encrypted under a random key of its own. The central register keeps that
-- key in escrow, bound to the workstation credential that handed it over, and gives it back in the
-- sign-in answer of a person with a role at the library, through that same credential only: a new
-- person, or one whose password an administrator reset, can then open the desk's register. A revoked
-- credential gets nothing; enrolling the desk again moves the key to its new credential.
CREATE TABLE desk_register_key (
    desk_id         VARCHAR(40)  PRIMARY KEY,
    library_code    VARCHAR(32)  NOT NULL REFERENCES library (code),
    credential_hash VARCHAR(64)  NOT NULL,
    register_key    VARCHAR(64)  NOT NULL,
    escrowed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

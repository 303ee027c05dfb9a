-- The people who signed in at this desk while it reached the central register, so that they can
-- sign in while it does not (within a grace period). The password is kept only as an Argon2id hash
-- made at this desk; the permissions are the person's at this desk's library at that sign-in.
CREATE TABLE staff_verifier (
    user_name           VARCHAR(60)  PRIMARY KEY,
    display_name        VARCHAR(100) NOT NULL,
    password_hash       VARCHAR(200) NOT NULL,
    permissions         VARCHAR(400) NOT NULL,
    signed_in_online_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Which library profile a register belongs to. A desk set up for another profile gets a register
-- of its own, so that patrons of one library are never sent with another library's credentials.
CREATE TABLE register_owner (
    profile_code VARCHAR(32) PRIMARY KEY
);

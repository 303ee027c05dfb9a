-- The offline sign-in moved out of the register it unlocks: the register key sealed per person, in
-- staff-keys.json beside it (decision 0012). The old password verifiers go.
DROP TABLE staff_verifier;

-- A TOTP code is accepted once. The time step (the 30-second period number since the epoch) of the
-- last code accepted for an account is kept; a code whose step is not after it is refused exactly
-- like a wrong code, so a code seen over a shoulder or in a proxy log cannot be replayed.
ALTER TABLE users ADD COLUMN totp_last_step bigint;

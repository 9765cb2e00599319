-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP SCHEMA "legacy";

RESET lock_timeout;
RESET statement_timeout;

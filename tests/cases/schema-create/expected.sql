-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE SCHEMA "billing";

RESET lock_timeout;
RESET statement_timeout;

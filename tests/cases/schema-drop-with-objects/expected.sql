-- Hazards: DELETES_DATA

-- Lock: ACCESS EXCLUSIVE on legacy.recent_events
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP VIEW "legacy"."recent_events";

-- Lock: ACCESS EXCLUSIVE on legacy.events
-- DELETES_DATA: drops legacy.events and all its rows
DROP TABLE "legacy"."events";

DROP SCHEMA "legacy";

RESET lock_timeout;
RESET statement_timeout;

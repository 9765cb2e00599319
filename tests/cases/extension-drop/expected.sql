-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

-- HAS_UNTRACKABLE_DEPENDENCIES: drops every object of hstore; uses in function bodies are not tracked
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP EXTENSION "hstore";

RESET lock_timeout;
RESET statement_timeout;

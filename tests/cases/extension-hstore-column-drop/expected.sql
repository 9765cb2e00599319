-- Hazards: DELETES_DATA HAS_UNTRACKABLE_DEPENDENCIES

-- Lock: ACCESS EXCLUSIVE on public.products
-- DELETES_DATA: drops column public.products.attributes and its values
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."products" DROP COLUMN "attributes";

-- HAS_UNTRACKABLE_DEPENDENCIES: drops every object of hstore; uses in function bodies are not tracked
DROP EXTENSION "hstore";

RESET lock_timeout;
RESET statement_timeout;

-- Hazards: ACQUIRES_SHARE_LOCK INDEX_BUILD

-- Lock: SHARE on public.measurements
-- INDEX_BUILD: builds an index on public.measurements
-- ACQUIRES_SHARE_LOCK: blocks writes to public.measurements during the build
SET lock_timeout = '3s';
SET statement_timeout = '20min';
CREATE INDEX measurements_taken_on_idx ON public.measurements USING btree (taken_on);

RESET lock_timeout;
RESET statement_timeout;

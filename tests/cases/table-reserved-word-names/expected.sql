-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."order" (
    "user" text NOT NULL,
    "select" integer,
    "group" text,
    CONSTRAINT "order_pkey" PRIMARY KEY ("user")
);

-- Lock: SHARE on public.order
SET statement_timeout = '20min';
CREATE INDEX order_group_idx ON public."order" USING btree ("group");

RESET lock_timeout;
RESET statement_timeout;

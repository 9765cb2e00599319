-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE EXTENSION "pgcrypto" WITH SCHEMA "public" VERSION '1.3';

CREATE TABLE "public"."api_keys" (
    "id" integer NOT NULL,
    "secret" bytea DEFAULT gen_random_bytes(32) NOT NULL,
    CONSTRAINT "api_keys_pkey" PRIMARY KEY (id)
);

RESET lock_timeout;
RESET statement_timeout;

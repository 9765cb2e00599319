-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE SCHEMA "extensions";

CREATE EXTENSION "citext" WITH SCHEMA "extensions" VERSION '1.6';

CREATE TABLE "public"."accounts" (
    "id" integer NOT NULL,
    "login" extensions.citext NOT NULL,
    CONSTRAINT "accounts_pkey" PRIMARY KEY (id)
);

RESET lock_timeout;
RESET statement_timeout;

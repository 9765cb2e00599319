-- Hazards: none

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.next_ticket()
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
BEGIN
  RETURN (SELECT coalesce(max(number), 0) + 1 FROM tickets);
END
$function$;

CREATE TABLE "public"."tickets" (
    "id" integer NOT NULL,
    "number" integer DEFAULT next_ticket() NOT NULL,
    CONSTRAINT "tickets_pkey" PRIMARY KEY (id)
);

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;

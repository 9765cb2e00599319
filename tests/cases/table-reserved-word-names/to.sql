-- a table and columns named with reserved words are created
CREATE TABLE "order" (
  "user" text NOT NULL,
  "select" integer,
  "group" text,
  CONSTRAINT "order_pkey" PRIMARY KEY ("user")
);

CREATE INDEX "order_group_idx" ON "order" ("group");

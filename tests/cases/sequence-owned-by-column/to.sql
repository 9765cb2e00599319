-- an existing sequence becomes owned by the column that uses it
CREATE SEQUENCE ticket_seq;

CREATE TABLE tickets (
  id bigint PRIMARY KEY DEFAULT nextval('ticket_seq')
);

ALTER SEQUENCE ticket_seq OWNED BY tickets.id;

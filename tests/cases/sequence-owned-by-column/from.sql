CREATE SEQUENCE ticket_seq;

CREATE TABLE tickets (
  id bigint PRIMARY KEY DEFAULT nextval('ticket_seq')
);

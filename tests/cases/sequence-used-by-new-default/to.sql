-- a sequence is created before the column default that calls nextval on it
CREATE SEQUENCE ticket_seq;

CREATE TABLE tickets (
  id bigint PRIMARY KEY DEFAULT nextval('ticket_seq')
);

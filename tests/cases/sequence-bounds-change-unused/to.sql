-- a never used sequence moves to a range its old START is outside of: it restarts at the new START
CREATE SEQUENCE ticket_numbers START WITH 1000 MINVALUE 1000 MAXVALUE 9999;

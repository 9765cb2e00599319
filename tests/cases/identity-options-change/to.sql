-- identity sequence options (start, increment, cache) change
CREATE TABLE notes (
  id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 5 CACHE 10) PRIMARY KEY
);

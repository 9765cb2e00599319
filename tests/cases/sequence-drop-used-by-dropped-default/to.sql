-- a column default stops calling nextval before its sequence is dropped
CREATE TABLE tickets (
  id bigint PRIMARY KEY
);

CREATE TABLE countries (
  code char(2) PRIMARY KEY
);

CREATE TABLE addresses (
  id integer PRIMARY KEY,
  country_code char(2) NOT NULL REFERENCES countries (code)
);

-- Text forms sync relies on: ISO dates for date_shift, exact floats, UTF-8 on both ends.
SET client_encoding = 'UTF8';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = 'postgres';
SET extra_float_digits = 3;
SET bytea_output = 'hex';
SET application_name = 'confiture sync';

CREATE TYPE report_kind AS ENUM ('daily', 'weekly');

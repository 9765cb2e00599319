-- Source schema for the sync benchmark: customers -> orders -> order_items (FKs), text, numeric
-- and timestamptz columns, 200k/800k/1M rows times :scale. Run with scale=0 for the empty target.
-- Values are a deterministic function of the row number, so every run generates the same data.
-- Usage: psql -X -q -v ON_ERROR_STOP=1 -v scale=1.0 -f bench/generate_sync_data.sql DSN
\set customers 'round(200000 * ' :scale ')::bigint'
\set orders 'round(800000 * ' :scale ')::bigint'
\set items 'round(1000000 * ' :scale ')::bigint'

CREATE TABLE customers (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    phone TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    total NUMERIC(12,2) NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    note TEXT
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);

CREATE TABLE order_items (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    sku TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    price NUMERIC(10,2) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX order_items_order_id_idx ON order_items (order_id);

-- Source addresses all end in acme-mail.test: after an anonymised sync none may be left.
INSERT INTO customers (id, email, full_name, phone, created_at) OVERRIDING SYSTEM VALUE
SELECT i,
       lower(f.name) || '.' || lower(l.name) || i || '@' ||
           (ARRAY['inbox', 'post', 'web', 'office'])[1 + i % 4] || '.acme-mail.test',
       f.name || ' ' || l.name,
       '+1 ' || lpad(((i * 7919) % 1000)::text, 3, '0') || ' 555 ' ||
           lpad(((i * 104729) % 10000)::text, 4, '0'),
       timestamptz '2019-01-01 00:00:00+00' + (i * 151) * interval '1 second'
FROM generate_series(1, :customers) AS i
CROSS JOIN LATERAL (SELECT (ARRAY['Alice', 'Bruno', 'Chloé', 'Dmitri', 'Emma', 'Farid', 'Grace',
    'Hiroshi', 'Inès', 'Jonas', 'Kateryna', 'Liam', 'Maya', 'Nils', 'Olivia', 'Pedro', 'Quentin',
    'Rosa', 'Samir', 'Tanja'])[1 + i % 20] AS name) AS f
CROSS JOIN LATERAL (SELECT (ARRAY['Anderson', 'Bernard', 'Castillo', 'Dubois', 'Eriksson',
    'Fischer', 'García', 'Hansen', 'Ivanova', 'Johansson', 'Kowalski', 'Lefebvre', 'Moreau',
    'Nakamura', 'Okafor', 'Petrov', 'Rossi', 'Schmidt', 'Tanaka', 'Van der Berg'])[1 + (i / 20) % 20]
    AS name) AS l;

-- A third of the notes are NULL; some of the rest carry an address or a phone number, which is
-- what text_redact looks for.
INSERT INTO orders (id, customer_id, total, status, created_at, note) OVERRIDING SYSTEM VALUE
SELECT i,
       c,
       ((i * 7919) % 250000) / 100.0 + 1,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded'])[1 + i % 6],
       timestamptz '2020-01-01 00:00:00+00' + (i * 37) * interval '1 second',
       CASE i % 6
           WHEN 0 THEN NULL
           WHEN 1 THEN NULL
           WHEN 2 THEN 'Leave the parcel at the front desk'
           WHEN 3 THEN 'Customer asked for a call back at +1 555 ' || lpad((i % 10000)::text, 4, '0')
           WHEN 4 THEN 'Invoice to billing' || c || '@post.acme-mail.test please'
           ELSE 'Gift wrap, no prices on the slip (order ' || i || ')'
       END
FROM generate_series(1, :orders) AS i
CROSS JOIN LATERAL (SELECT 1 + (i * 2654435761) % :customers AS c) AS pick;

INSERT INTO order_items (id, order_id, sku, quantity, price, created_at) OVERRIDING SYSTEM VALUE
SELECT i,
       1 + (i * 40503) % :orders,
       'SKU-' || (ARRAY['HOME', 'GARDEN', 'TOYS', 'BOOKS', 'AUDIO'])[1 + i % 5] || '-' ||
           lpad(((i * 31) % 100000)::text, 6, '0'),
       1 + i % 5,
       ((i * 104729) % 50000) / 100.0 + 0.5,
       timestamptz '2020-01-01 00:00:00+00' + (i * 29) * interval '1 second'
FROM generate_series(1, :items) AS i;

-- The identities go on after the generated ids, as they would after real inserts.
SELECT setval(pg_get_serial_sequence('customers', 'id'), (SELECT max(id) FROM customers))
WHERE :customers > 0;
SELECT setval(pg_get_serial_sequence('orders', 'id'), (SELECT max(id) FROM orders))
WHERE :orders > 0;
SELECT setval(pg_get_serial_sequence('order_items', 'id'), (SELECT max(id) FROM order_items))
WHERE :items > 0;

VACUUM ANALYZE customers, orders, order_items;

-- an enum type is created
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');

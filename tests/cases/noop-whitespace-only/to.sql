-- only formatting, case and redundant syntax differ: the plan must be empty
create type order_status as enum('pending','paid','shipped');
create table ORDERS
(
    ID integer generated always as identity primary key
  , STATUS order_status not null default 'pending'::order_status
  , TOTAL numeric(12,2) not null check(total>=0)
);
create index orders_status_idx on public.orders using btree (status asc);
create view PENDING_ORDERS as select ID, TOTAL from ORDERS where STATUS = 'pending';

-- Removes our own holder row (never a row a later holder wrote). Placeholders: lock_id, pid
-- (numbers).
DELETE FROM confiture_lock_holder WHERE lock_id = {lock_id} AND pid = {pid}

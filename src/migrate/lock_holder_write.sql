-- Records this runner as the holder. Placeholders: lock_id, pid (numbers), hostname, command
-- (quoted literals).
INSERT INTO confiture_lock_holder (lock_id, pid, hostname, usename, command, acquired_at)
VALUES ({lock_id}, {pid}, {hostname}, current_user, {command}, now())
ON CONFLICT (lock_id) DO UPDATE
SET pid = EXCLUDED.pid,
    hostname = EXCLUDED.hostname,
    usename = EXCLUDED.usename,
    command = EXCLUDED.command,
    acquired_at = now()

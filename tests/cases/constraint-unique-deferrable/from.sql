CREATE TABLE playlist_items (
  playlist_id integer NOT NULL,
  position integer NOT NULL,
  CONSTRAINT playlist_items_position_key UNIQUE (playlist_id, position)
);

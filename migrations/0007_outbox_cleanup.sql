-- A deleted note's thread has nothing left to show: its queued changes go with it.
CREATE TRIGGER notes_outbox_delete AFTER DELETE ON notes BEGIN
  DELETE FROM thread_outbox WHERE note_id = OLD.id;
END;

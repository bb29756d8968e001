-- A note's receipt count is kept exact like the other counters (0001_counters.sql).
CREATE TRIGGER cat_tax_receipts_count_insert AFTER INSERT ON cat_tax_receipts BEGIN
  UPDATE notes SET receipt_count = receipt_count + 1 WHERE id = NEW.note_id;
END;
--> statement-breakpoint
CREATE TRIGGER cat_tax_receipts_count_delete AFTER DELETE ON cat_tax_receipts BEGIN
  UPDATE notes SET receipt_count = receipt_count - 1 WHERE id = OLD.note_id;
END;
--> statement-breakpoint
-- Every change a live thread shows is queued for it in the same transaction as
-- the change, whichever code path made it (REST, WebSocket, a cascade).
CREATE TRIGGER comments_outbox_insert AFTER INSERT ON comments BEGIN
  INSERT INTO thread_outbox (note_id, kind, subject) VALUES (NEW.note_id, 'comment.created', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER comments_outbox_update AFTER UPDATE OF body, language ON comments BEGIN
  INSERT INTO thread_outbox (note_id, kind, subject) VALUES (NEW.note_id, 'comment.edited', NEW.id);
END;
--> statement-breakpoint
-- One retraction per deleted comment. Replies deleted with their top-level
-- comment (its row is already gone) go with its retraction, and comments deleted
-- with their note need none: the thread closes.
CREATE TRIGGER comments_outbox_delete AFTER DELETE ON comments
WHEN EXISTS (SELECT 1 FROM notes WHERE id = OLD.note_id)
  AND (OLD.parent_id IS NULL OR EXISTS (SELECT 1 FROM comments WHERE id = OLD.parent_id))
BEGIN
  INSERT INTO thread_outbox (note_id, kind, subject) VALUES (OLD.note_id, 'comment.deleted', OLD.id);
END;
--> statement-breakpoint
CREATE TRIGGER cat_tax_receipts_outbox_insert AFTER INSERT ON cat_tax_receipts BEGIN
  INSERT INTO thread_outbox (note_id, kind, subject) VALUES (NEW.note_id, 'receipt.created', NEW.serial);
END;

CREATE TABLE `live_threads` (
	`note_id` text PRIMARY KEY NOT NULL,
	`watched_since` integer NOT NULL,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Threads with changes still queued were watched a moment ago: they stay watched
-- (their NoteThread stops watching at its next sweep if nobody is there).
INSERT INTO `live_threads` (`note_id`, `watched_since`)
SELECT DISTINCT o.note_id, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `thread_outbox` o
WHERE EXISTS (SELECT 1 FROM `notes` n WHERE n.id = o.note_id);
--> statement-breakpoint
-- Changes are queued only for watched threads (src/db/schema/live.ts).
DROP TRIGGER comments_outbox_insert;
--> statement-breakpoint
CREATE TRIGGER comments_outbox_insert AFTER INSERT ON comments
WHEN EXISTS (SELECT 1 FROM live_threads WHERE note_id = NEW.note_id) BEGIN
  INSERT INTO thread_outbox (note_id, kind, subject) VALUES (NEW.note_id, 'comment.created', NEW.id);
END;
--> statement-breakpoint
DROP TRIGGER comments_outbox_update;
--> statement-breakpoint
CREATE TRIGGER comments_outbox_update AFTER UPDATE OF body, language ON comments
WHEN EXISTS (SELECT 1 FROM live_threads WHERE note_id = NEW.note_id) BEGIN
  INSERT INTO thread_outbox (note_id, kind, subject) VALUES (NEW.note_id, 'comment.edited', NEW.id);
END;
--> statement-breakpoint
DROP TRIGGER comments_outbox_delete;
--> statement-breakpoint
CREATE TRIGGER comments_outbox_delete AFTER DELETE ON comments
WHEN EXISTS (SELECT 1 FROM live_threads WHERE note_id = OLD.note_id)
  AND (OLD.parent_id IS NULL OR EXISTS (SELECT 1 FROM comments WHERE id = OLD.parent_id))
BEGIN
  INSERT INTO thread_outbox (note_id, kind, subject) VALUES (OLD.note_id, 'comment.deleted', OLD.id);
END;
--> statement-breakpoint
DROP TRIGGER cat_tax_receipts_outbox_insert;
--> statement-breakpoint
CREATE TRIGGER cat_tax_receipts_outbox_insert AFTER INSERT ON cat_tax_receipts
WHEN EXISTS (SELECT 1 FROM live_threads WHERE note_id = NEW.note_id) BEGIN
  INSERT INTO thread_outbox (note_id, kind, subject) VALUES (NEW.note_id, 'receipt.created', NEW.serial);
END;
--> statement-breakpoint
DROP TRIGGER comments_visibility_hidden;
--> statement-breakpoint
CREATE TRIGGER comments_visibility_hidden AFTER UPDATE OF visibility ON comments
WHEN OLD.visibility = 'visible' AND NEW.visibility <> 'visible' BEGIN
  UPDATE notes SET comment_count = comment_count - 1 WHERE id = NEW.note_id;
  UPDATE comments SET reply_count = reply_count - 1 WHERE id = NEW.parent_id;
  -- Live threads retract it with the event they use for a deletion.
  INSERT INTO thread_outbox (note_id, kind, subject)
  SELECT NEW.note_id, 'comment.deleted', NEW.id WHERE EXISTS (SELECT 1 FROM live_threads WHERE note_id = NEW.note_id);
END;
--> statement-breakpoint
DROP TRIGGER comments_visibility_restored;
--> statement-breakpoint
CREATE TRIGGER comments_visibility_restored AFTER UPDATE OF visibility ON comments
WHEN OLD.visibility <> 'visible' AND NEW.visibility = 'visible' BEGIN
  UPDATE notes SET comment_count = comment_count + 1 WHERE id = NEW.note_id;
  UPDATE comments SET reply_count = reply_count + 1 WHERE id = NEW.parent_id;
  INSERT INTO thread_outbox (note_id, kind, subject)
  SELECT NEW.note_id, 'comment.created', NEW.id WHERE EXISTS (SELECT 1 FROM live_threads WHERE note_id = NEW.note_id);
END;

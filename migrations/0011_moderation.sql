CREATE TABLE `moderation_cases` (
	`id` text PRIMARY KEY NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`author_id` text,
	`language` text,
	`ip_country` text,
	`ip_region` text,
	`status` text DEFAULT 'open' NOT NULL,
	`reporter_count` integer DEFAULT 0 NOT NULL,
	`auto_flagged` integer DEFAULT false NOT NULL,
	`assignee_id` text,
	`action` text,
	`reason` text,
	`resolved_by` text,
	`resolved_at` integer,
	`opened_at` integer NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `moderation_cases_open_target_idx` ON `moderation_cases` (`target_type`,`target_id`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `moderation_cases_status_idx` ON `moderation_cases` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`reporter_id` text,
	`category` text NOT NULL,
	`comment` text,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `moderation_cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_case_reporter_idx` ON `reports` (`case_id`,`reporter_id`);--> statement-breakpoint
CREATE INDEX `reports_reporter_idx` ON `reports` (`reporter_id`);--> statement-breakpoint
CREATE TABLE `moderation_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`case_id` text,
	`target_type` text,
	`target_id` text,
	`subject_user_id` text,
	`reason` text,
	`details` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `moderation_audit_subject_idx` ON `moderation_audit` (`subject_user_id`,`id`);--> statement-breakpoint
CREATE TABLE `prescreen_words` (
	`id` text PRIMARY KEY NOT NULL,
	`word` text NOT NULL,
	`language` text NOT NULL,
	`category` text NOT NULL,
	`whole_word` integer NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prescreen_words_word_unique` ON `prescreen_words` (`word`);--> statement-breakpoint
-- The audit log is append-only: nothing may change or delete what it records.
CREATE TRIGGER moderation_audit_no_update BEFORE UPDATE ON moderation_audit BEGIN
  SELECT RAISE(ABORT, 'moderation_audit is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER moderation_audit_no_delete BEFORE DELETE ON moderation_audit BEGIN
  SELECT RAISE(ABORT, 'moderation_audit is append-only');
END;
--> statement-breakpoint
-- Counters count what readers can see: hidden and removed notes and comments
-- leave them when hidden and come back when restored (0001_counters.sql counts
-- inserts; these replace its delete triggers so a hidden row is not taken off twice).
DROP TRIGGER comments_count_delete;
--> statement-breakpoint
CREATE TRIGGER comments_count_delete AFTER DELETE ON comments WHEN OLD.visibility = 'visible' BEGIN
  UPDATE notes SET comment_count = comment_count - 1 WHERE id = OLD.note_id;
  UPDATE comments SET reply_count = reply_count - 1 WHERE id = OLD.parent_id;
END;
--> statement-breakpoint
CREATE TRIGGER comments_visibility_hidden AFTER UPDATE OF visibility ON comments
WHEN OLD.visibility = 'visible' AND NEW.visibility <> 'visible' BEGIN
  UPDATE notes SET comment_count = comment_count - 1 WHERE id = NEW.note_id;
  UPDATE comments SET reply_count = reply_count - 1 WHERE id = NEW.parent_id;
  -- Live threads retract it with the event they use for a deletion.
  INSERT INTO thread_outbox (note_id, kind, subject) VALUES (NEW.note_id, 'comment.deleted', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER comments_visibility_restored AFTER UPDATE OF visibility ON comments
WHEN OLD.visibility <> 'visible' AND NEW.visibility = 'visible' BEGIN
  UPDATE notes SET comment_count = comment_count + 1 WHERE id = NEW.note_id;
  UPDATE comments SET reply_count = reply_count + 1 WHERE id = NEW.parent_id;
  INSERT INTO thread_outbox (note_id, kind, subject) VALUES (NEW.note_id, 'comment.created', NEW.id);
END;
--> statement-breakpoint
DROP TRIGGER notes_count_delete;
--> statement-breakpoint
CREATE TRIGGER notes_count_delete AFTER DELETE ON notes WHEN OLD.visibility = 'visible' BEGIN
  UPDATE users SET note_count = note_count - 1 WHERE id = OLD.author_id;
END;
--> statement-breakpoint
CREATE TRIGGER notes_visibility_hidden AFTER UPDATE OF visibility ON notes
WHEN OLD.visibility = 'visible' AND NEW.visibility <> 'visible' BEGIN
  UPDATE users SET note_count = note_count - 1 WHERE id = NEW.author_id;
  UPDATE topics SET note_count = note_count - 1 WHERE name IN (SELECT topic FROM note_topics WHERE note_id = NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER notes_visibility_restored AFTER UPDATE OF visibility ON notes
WHEN OLD.visibility <> 'visible' AND NEW.visibility = 'visible' BEGIN
  UPDATE users SET note_count = note_count + 1 WHERE id = NEW.author_id;
  UPDATE topics SET note_count = note_count + 1 WHERE name IN (SELECT topic FROM note_topics WHERE note_id = NEW.id);
END;
--> statement-breakpoint
-- A hidden note's topics are already uncounted; its edits don't count them either.
DROP TRIGGER note_topics_count_insert;
--> statement-breakpoint
CREATE TRIGGER note_topics_count_insert AFTER INSERT ON note_topics
WHEN (SELECT visibility FROM notes WHERE id = NEW.note_id) = 'visible' BEGIN
  UPDATE topics SET note_count = note_count + 1 WHERE name = NEW.topic;
END;
--> statement-breakpoint
-- When a note is deleted its row is gone before its topic links cascade: those count as visible,
-- and a hidden note gives its topics one back first (notes_hidden_delete_topics) to stay even.
DROP TRIGGER note_topics_count_delete;
--> statement-breakpoint
CREATE TRIGGER note_topics_count_delete AFTER DELETE ON note_topics
WHEN COALESCE((SELECT visibility FROM notes WHERE id = OLD.note_id), 'visible') = 'visible' BEGIN
  UPDATE topics SET note_count = note_count - 1 WHERE name = OLD.topic;
END;
--> statement-breakpoint
CREATE TRIGGER notes_hidden_delete_topics BEFORE DELETE ON notes WHEN OLD.visibility <> 'visible' BEGIN
  UPDATE topics SET note_count = note_count + 1 WHERE name IN (SELECT topic FROM note_topics WHERE note_id = OLD.id);
END;
--> statement-breakpoint
-- Starter word lists for the pre-screen (staff edit them through /v1/moderation/prescreen-words).
-- They only flag content into the queue; nothing is hidden or deleted because of them.
INSERT INTO prescreen_words (id, word, language, category, whole_word, created_at) VALUES
  ('01JH0000000000000000PRESC1', 'buy followers', 'en', 'spam', 1, 0),
  ('01JH0000000000000000PRESC2', 'crypto giveaway', 'en', 'spam', 1, 0),
  ('01JH0000000000000000PRESC3', 'kill yourself', 'en', 'harassment', 1, 0),
  ('01JH0000000000000000PRESC4', '加微信', 'zh', 'spam', 0, 0),
  ('01JH0000000000000000PRESC5', '刷粉', 'zh', 'spam', 0, 0),
  ('01JH0000000000000000PRESC6', '去死吧', 'zh', 'harassment', 0, 0),
  ('01JH0000000000000000PRESC7', 'comprar seguidores', 'es', 'spam', 1, 0),
  ('01JH0000000000000000PRESC8', 'comprar seguidores baratos', 'pt', 'spam', 1, 0),
  ('01JH0000000000000000PRESC9', 'フォロワー購入', 'ja', 'spam', 0, 0);

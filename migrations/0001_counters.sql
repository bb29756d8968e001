-- Counters shown on notes, profiles and topics are columns kept exact by these
-- triggers. Every write path (including ON DELETE CASCADE) goes through them, and
-- INSERT OR IGNORE of an existing like/collect/follow fires nothing.

CREATE TRIGGER likes_count_insert AFTER INSERT ON likes BEGIN
  UPDATE notes SET like_count = like_count + 1 WHERE id = NEW.note_id;
END;
--> statement-breakpoint
CREATE TRIGGER likes_count_delete AFTER DELETE ON likes BEGIN
  UPDATE notes SET like_count = like_count - 1 WHERE id = OLD.note_id;
END;
--> statement-breakpoint
CREATE TRIGGER collects_count_insert AFTER INSERT ON collects BEGIN
  UPDATE notes SET collect_count = collect_count + 1 WHERE id = NEW.note_id;
END;
--> statement-breakpoint
CREATE TRIGGER collects_count_delete AFTER DELETE ON collects BEGIN
  UPDATE notes SET collect_count = collect_count - 1 WHERE id = OLD.note_id;
END;
--> statement-breakpoint
CREATE TRIGGER comments_count_insert AFTER INSERT ON comments BEGIN
  UPDATE notes SET comment_count = comment_count + 1 WHERE id = NEW.note_id;
  UPDATE comments SET reply_count = reply_count + 1 WHERE id = NEW.parent_id;
END;
--> statement-breakpoint
CREATE TRIGGER comments_count_delete AFTER DELETE ON comments BEGIN
  UPDATE notes SET comment_count = comment_count - 1 WHERE id = OLD.note_id;
  UPDATE comments SET reply_count = reply_count - 1 WHERE id = OLD.parent_id;
END;
--> statement-breakpoint
CREATE TRIGGER follows_count_insert AFTER INSERT ON follows BEGIN
  UPDATE users SET follower_count = follower_count + 1 WHERE id = NEW.followee_id;
  UPDATE users SET following_count = following_count + 1 WHERE id = NEW.follower_id;
END;
--> statement-breakpoint
CREATE TRIGGER follows_count_delete AFTER DELETE ON follows BEGIN
  UPDATE users SET follower_count = follower_count - 1 WHERE id = OLD.followee_id;
  UPDATE users SET following_count = following_count - 1 WHERE id = OLD.follower_id;
END;
--> statement-breakpoint
CREATE TRIGGER notes_count_insert AFTER INSERT ON notes BEGIN
  UPDATE users SET note_count = note_count + 1 WHERE id = NEW.author_id;
END;
--> statement-breakpoint
CREATE TRIGGER notes_count_delete AFTER DELETE ON notes BEGIN
  UPDATE users SET note_count = note_count - 1 WHERE id = OLD.author_id;
END;
--> statement-breakpoint
CREATE TRIGGER note_topics_count_insert AFTER INSERT ON note_topics BEGIN
  UPDATE topics SET note_count = note_count + 1 WHERE name = NEW.topic;
END;
--> statement-breakpoint
CREATE TRIGGER note_topics_count_delete AFTER DELETE ON note_topics BEGIN
  UPDATE topics SET note_count = note_count - 1 WHERE name = OLD.topic;
END;

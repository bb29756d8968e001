-- Discovery: topic discussion counts, "top" topic pages, trending, full-text search.
-- Written by hand (FTS5 virtual tables are invisible to drizzle-kit; see src/db/search-index.ts).

-- Topics staff keep off trending.
ALTER TABLE `topics` ADD `hidden_from_trending` integer DEFAULT false NOT NULL;
--> statement-breakpoint
-- Each note-topic link carries its note's discussion (1 + comments) and engagement score,
-- so a topic's "top" page is an index range and its discussion count a sum of deltas.
ALTER TABLE `note_topics` ADD `discussions` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `note_topics` ADD `score` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE INDEX `note_topics_top_idx` ON `note_topics` (`topic`,`score`,`note_id`);
--> statement-breakpoint
UPDATE `note_topics` SET
  `discussions` = (SELECT `comment_count` + 1 FROM `notes` WHERE `id` = `note_topics`.`note_id`),
  `score` = (SELECT `like_count` + `collect_count` + `comment_count` FROM `notes` WHERE `id` = `note_topics`.`note_id`);
--> statement-breakpoint
-- A topic's discussion count is the sum of its shards: a hot topic's writes spread over 16 rows.
CREATE TABLE `topic_discussion_shards` (
	`topic` text NOT NULL,
	`shard` integer NOT NULL,
	`discussions` integer NOT NULL,
	PRIMARY KEY(`topic`, `shard`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `topic_discussion_shards` (`topic`, `shard`, `discussions`)
  SELECT `topic`, 0, sum(`discussions`) FROM `note_topics` GROUP BY `topic`;
--> statement-breakpoint
-- Who took part in a topic in which hour (epoch hours): trending counts distinct people.
CREATE TABLE `topic_people_hourly` (
	`hour` integer NOT NULL,
	`topic` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`hour`, `topic`, `user_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT OR IGNORE INTO `topic_people_hourly` (`hour`, `topic`, `user_id`)
  SELECT n.`created_at` / 3600000, nt.`topic`, n.`author_id` FROM `note_topics` nt JOIN `notes` n ON n.`id` = nt.`note_id`;
--> statement-breakpoint
INSERT OR IGNORE INTO `topic_people_hourly` (`hour`, `topic`, `user_id`)
  SELECT c.`created_at` / 3600000, nt.`topic`, c.`author_id` FROM `comments` c JOIN `note_topics` nt ON nt.`note_id` = c.`note_id`;
--> statement-breakpoint
CREATE TRIGGER note_topics_stats_insert AFTER INSERT ON note_topics BEGIN
  UPDATE note_topics SET
    discussions = (SELECT comment_count + 1 FROM notes WHERE id = NEW.note_id),
    score = (SELECT like_count + collect_count + comment_count FROM notes WHERE id = NEW.note_id)
  WHERE note_id = NEW.note_id AND topic = NEW.topic;
  INSERT OR IGNORE INTO topic_people_hourly (hour, topic, user_id)
    SELECT created_at / 3600000, NEW.topic, author_id FROM notes WHERE id = NEW.note_id;
END;
--> statement-breakpoint
CREATE TRIGGER note_topics_discussions_update AFTER UPDATE OF discussions ON note_topics
WHEN NEW.discussions <> OLD.discussions BEGIN
  INSERT INTO topic_discussion_shards (topic, shard, discussions)
    VALUES (NEW.topic, abs(random()) % 16, NEW.discussions - OLD.discussions)
    ON CONFLICT (topic, shard) DO UPDATE SET discussions = discussions + excluded.discussions;
END;
--> statement-breakpoint
CREATE TRIGGER note_topics_discussions_delete AFTER DELETE ON note_topics WHEN OLD.discussions <> 0 BEGIN
  INSERT INTO topic_discussion_shards (topic, shard, discussions)
    VALUES (OLD.topic, abs(random()) % 16, -OLD.discussions)
    ON CONFLICT (topic, shard) DO UPDATE SET discussions = discussions + excluded.discussions;
END;
--> statement-breakpoint
CREATE TRIGGER notes_topic_stats_update AFTER UPDATE OF like_count, collect_count, comment_count ON notes BEGIN
  UPDATE note_topics SET
    discussions = NEW.comment_count + 1,
    score = NEW.like_count + NEW.collect_count + NEW.comment_count
  WHERE note_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER comments_topic_people_insert AFTER INSERT ON comments BEGIN
  INSERT OR IGNORE INTO topic_people_hourly (hour, topic, user_id)
    SELECT NEW.created_at / 3600000, topic, NEW.author_id FROM note_topics WHERE note_id = NEW.note_id;
END;
--> statement-breakpoint
-- Full-text search. Each FTS table's rowid is a doc id from a plain table keyed by the
-- row it indexes (text primary keys have no stable rowid); deleting the doc row, also by
-- ON DELETE CASCADE, deletes its index entry. `words` holds the text as words,
-- `chars` every CJK character on its own, so one- and two-character queries match
-- (as a phrase) inside longer Chinese words.
CREATE TABLE `note_search_docs` (
	`doc_id` integer PRIMARY KEY,
	`note_id` text NOT NULL UNIQUE REFERENCES `notes`(`id`) ON DELETE cascade
);
--> statement-breakpoint
CREATE VIRTUAL TABLE note_search USING fts5(words, chars, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER note_search_docs_delete AFTER DELETE ON note_search_docs BEGIN
  DELETE FROM note_search WHERE rowid = OLD.doc_id;
END;
--> statement-breakpoint
CREATE TABLE `user_search_docs` (
	`doc_id` integer PRIMARY KEY,
	`user_id` text NOT NULL UNIQUE REFERENCES `users`(`id`) ON DELETE cascade
);
--> statement-breakpoint
CREATE VIRTUAL TABLE user_search USING fts5(words, chars, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER user_search_docs_delete AFTER DELETE ON user_search_docs BEGIN
  DELETE FROM user_search WHERE rowid = OLD.doc_id;
END;
--> statement-breakpoint
-- Nicknames and topic names are short, so SQL spaces out their first 40 characters itself
-- and triggers keep these two indexes in sync on every write path.
CREATE TRIGGER users_search_insert AFTER INSERT ON users BEGIN
  INSERT INTO user_search_docs (user_id) VALUES (NEW.id);
  INSERT INTO user_search (rowid, words, chars)
    VALUES ((SELECT doc_id FROM user_search_docs WHERE user_id = NEW.id), NEW.nickname, trim(substr(NEW.nickname, 1, 1) || ' ' || substr(NEW.nickname, 2, 1) || ' ' || substr(NEW.nickname, 3, 1) || ' ' || substr(NEW.nickname, 4, 1) || ' ' || substr(NEW.nickname, 5, 1) || ' ' || substr(NEW.nickname, 6, 1) || ' ' || substr(NEW.nickname, 7, 1) || ' ' || substr(NEW.nickname, 8, 1) || ' ' || substr(NEW.nickname, 9, 1) || ' ' || substr(NEW.nickname, 10, 1) || ' ' || substr(NEW.nickname, 11, 1) || ' ' || substr(NEW.nickname, 12, 1) || ' ' || substr(NEW.nickname, 13, 1) || ' ' || substr(NEW.nickname, 14, 1) || ' ' || substr(NEW.nickname, 15, 1) || ' ' || substr(NEW.nickname, 16, 1) || ' ' || substr(NEW.nickname, 17, 1) || ' ' || substr(NEW.nickname, 18, 1) || ' ' || substr(NEW.nickname, 19, 1) || ' ' || substr(NEW.nickname, 20, 1) || ' ' || substr(NEW.nickname, 21, 1) || ' ' || substr(NEW.nickname, 22, 1) || ' ' || substr(NEW.nickname, 23, 1) || ' ' || substr(NEW.nickname, 24, 1) || ' ' || substr(NEW.nickname, 25, 1) || ' ' || substr(NEW.nickname, 26, 1) || ' ' || substr(NEW.nickname, 27, 1) || ' ' || substr(NEW.nickname, 28, 1) || ' ' || substr(NEW.nickname, 29, 1) || ' ' || substr(NEW.nickname, 30, 1) || ' ' || substr(NEW.nickname, 31, 1) || ' ' || substr(NEW.nickname, 32, 1) || ' ' || substr(NEW.nickname, 33, 1) || ' ' || substr(NEW.nickname, 34, 1) || ' ' || substr(NEW.nickname, 35, 1) || ' ' || substr(NEW.nickname, 36, 1) || ' ' || substr(NEW.nickname, 37, 1) || ' ' || substr(NEW.nickname, 38, 1) || ' ' || substr(NEW.nickname, 39, 1) || ' ' || substr(NEW.nickname, 40, 1)));
END;
--> statement-breakpoint
CREATE TRIGGER users_search_nickname_update AFTER UPDATE OF nickname ON users WHEN NEW.nickname <> OLD.nickname BEGIN
  DELETE FROM user_search WHERE rowid = (SELECT doc_id FROM user_search_docs WHERE user_id = NEW.id);
  INSERT INTO user_search (rowid, words, chars)
    VALUES ((SELECT doc_id FROM user_search_docs WHERE user_id = NEW.id), NEW.nickname, trim(substr(NEW.nickname, 1, 1) || ' ' || substr(NEW.nickname, 2, 1) || ' ' || substr(NEW.nickname, 3, 1) || ' ' || substr(NEW.nickname, 4, 1) || ' ' || substr(NEW.nickname, 5, 1) || ' ' || substr(NEW.nickname, 6, 1) || ' ' || substr(NEW.nickname, 7, 1) || ' ' || substr(NEW.nickname, 8, 1) || ' ' || substr(NEW.nickname, 9, 1) || ' ' || substr(NEW.nickname, 10, 1) || ' ' || substr(NEW.nickname, 11, 1) || ' ' || substr(NEW.nickname, 12, 1) || ' ' || substr(NEW.nickname, 13, 1) || ' ' || substr(NEW.nickname, 14, 1) || ' ' || substr(NEW.nickname, 15, 1) || ' ' || substr(NEW.nickname, 16, 1) || ' ' || substr(NEW.nickname, 17, 1) || ' ' || substr(NEW.nickname, 18, 1) || ' ' || substr(NEW.nickname, 19, 1) || ' ' || substr(NEW.nickname, 20, 1) || ' ' || substr(NEW.nickname, 21, 1) || ' ' || substr(NEW.nickname, 22, 1) || ' ' || substr(NEW.nickname, 23, 1) || ' ' || substr(NEW.nickname, 24, 1) || ' ' || substr(NEW.nickname, 25, 1) || ' ' || substr(NEW.nickname, 26, 1) || ' ' || substr(NEW.nickname, 27, 1) || ' ' || substr(NEW.nickname, 28, 1) || ' ' || substr(NEW.nickname, 29, 1) || ' ' || substr(NEW.nickname, 30, 1) || ' ' || substr(NEW.nickname, 31, 1) || ' ' || substr(NEW.nickname, 32, 1) || ' ' || substr(NEW.nickname, 33, 1) || ' ' || substr(NEW.nickname, 34, 1) || ' ' || substr(NEW.nickname, 35, 1) || ' ' || substr(NEW.nickname, 36, 1) || ' ' || substr(NEW.nickname, 37, 1) || ' ' || substr(NEW.nickname, 38, 1) || ' ' || substr(NEW.nickname, 39, 1) || ' ' || substr(NEW.nickname, 40, 1)));
END;
--> statement-breakpoint
INSERT INTO `user_search_docs` (`user_id`) SELECT `id` FROM `users`;
--> statement-breakpoint
INSERT INTO user_search (rowid, words, chars)
  SELECT d.doc_id, u.nickname, trim(substr(u.nickname, 1, 1) || ' ' || substr(u.nickname, 2, 1) || ' ' || substr(u.nickname, 3, 1) || ' ' || substr(u.nickname, 4, 1) || ' ' || substr(u.nickname, 5, 1) || ' ' || substr(u.nickname, 6, 1) || ' ' || substr(u.nickname, 7, 1) || ' ' || substr(u.nickname, 8, 1) || ' ' || substr(u.nickname, 9, 1) || ' ' || substr(u.nickname, 10, 1) || ' ' || substr(u.nickname, 11, 1) || ' ' || substr(u.nickname, 12, 1) || ' ' || substr(u.nickname, 13, 1) || ' ' || substr(u.nickname, 14, 1) || ' ' || substr(u.nickname, 15, 1) || ' ' || substr(u.nickname, 16, 1) || ' ' || substr(u.nickname, 17, 1) || ' ' || substr(u.nickname, 18, 1) || ' ' || substr(u.nickname, 19, 1) || ' ' || substr(u.nickname, 20, 1) || ' ' || substr(u.nickname, 21, 1) || ' ' || substr(u.nickname, 22, 1) || ' ' || substr(u.nickname, 23, 1) || ' ' || substr(u.nickname, 24, 1) || ' ' || substr(u.nickname, 25, 1) || ' ' || substr(u.nickname, 26, 1) || ' ' || substr(u.nickname, 27, 1) || ' ' || substr(u.nickname, 28, 1) || ' ' || substr(u.nickname, 29, 1) || ' ' || substr(u.nickname, 30, 1) || ' ' || substr(u.nickname, 31, 1) || ' ' || substr(u.nickname, 32, 1) || ' ' || substr(u.nickname, 33, 1) || ' ' || substr(u.nickname, 34, 1) || ' ' || substr(u.nickname, 35, 1) || ' ' || substr(u.nickname, 36, 1) || ' ' || substr(u.nickname, 37, 1) || ' ' || substr(u.nickname, 38, 1) || ' ' || substr(u.nickname, 39, 1) || ' ' || substr(u.nickname, 40, 1)) FROM user_search_docs d JOIN users u ON u.id = d.user_id;
--> statement-breakpoint
CREATE TABLE `topic_search_docs` (
	`doc_id` integer PRIMARY KEY,
	`topic` text NOT NULL UNIQUE REFERENCES `topics`(`name`) ON DELETE cascade
);
--> statement-breakpoint
CREATE VIRTUAL TABLE topic_search USING fts5(words, chars, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER topic_search_docs_delete AFTER DELETE ON topic_search_docs BEGIN
  DELETE FROM topic_search WHERE rowid = OLD.doc_id;
END;
--> statement-breakpoint
CREATE TRIGGER topics_search_insert AFTER INSERT ON topics BEGIN
  INSERT INTO topic_search_docs (topic) VALUES (NEW.name);
  INSERT INTO topic_search (rowid, words, chars)
    VALUES ((SELECT doc_id FROM topic_search_docs WHERE topic = NEW.name), NEW.name, trim(substr(NEW.name, 1, 1) || ' ' || substr(NEW.name, 2, 1) || ' ' || substr(NEW.name, 3, 1) || ' ' || substr(NEW.name, 4, 1) || ' ' || substr(NEW.name, 5, 1) || ' ' || substr(NEW.name, 6, 1) || ' ' || substr(NEW.name, 7, 1) || ' ' || substr(NEW.name, 8, 1) || ' ' || substr(NEW.name, 9, 1) || ' ' || substr(NEW.name, 10, 1) || ' ' || substr(NEW.name, 11, 1) || ' ' || substr(NEW.name, 12, 1) || ' ' || substr(NEW.name, 13, 1) || ' ' || substr(NEW.name, 14, 1) || ' ' || substr(NEW.name, 15, 1) || ' ' || substr(NEW.name, 16, 1) || ' ' || substr(NEW.name, 17, 1) || ' ' || substr(NEW.name, 18, 1) || ' ' || substr(NEW.name, 19, 1) || ' ' || substr(NEW.name, 20, 1) || ' ' || substr(NEW.name, 21, 1) || ' ' || substr(NEW.name, 22, 1) || ' ' || substr(NEW.name, 23, 1) || ' ' || substr(NEW.name, 24, 1) || ' ' || substr(NEW.name, 25, 1) || ' ' || substr(NEW.name, 26, 1) || ' ' || substr(NEW.name, 27, 1) || ' ' || substr(NEW.name, 28, 1) || ' ' || substr(NEW.name, 29, 1) || ' ' || substr(NEW.name, 30, 1) || ' ' || substr(NEW.name, 31, 1) || ' ' || substr(NEW.name, 32, 1) || ' ' || substr(NEW.name, 33, 1) || ' ' || substr(NEW.name, 34, 1) || ' ' || substr(NEW.name, 35, 1) || ' ' || substr(NEW.name, 36, 1) || ' ' || substr(NEW.name, 37, 1) || ' ' || substr(NEW.name, 38, 1) || ' ' || substr(NEW.name, 39, 1) || ' ' || substr(NEW.name, 40, 1)));
END;
--> statement-breakpoint
INSERT INTO `topic_search_docs` (`topic`) SELECT `name` FROM `topics`;
--> statement-breakpoint
INSERT INTO topic_search (rowid, words, chars)
  SELECT d.doc_id, t.name, trim(substr(t.name, 1, 1) || ' ' || substr(t.name, 2, 1) || ' ' || substr(t.name, 3, 1) || ' ' || substr(t.name, 4, 1) || ' ' || substr(t.name, 5, 1) || ' ' || substr(t.name, 6, 1) || ' ' || substr(t.name, 7, 1) || ' ' || substr(t.name, 8, 1) || ' ' || substr(t.name, 9, 1) || ' ' || substr(t.name, 10, 1) || ' ' || substr(t.name, 11, 1) || ' ' || substr(t.name, 12, 1) || ' ' || substr(t.name, 13, 1) || ' ' || substr(t.name, 14, 1) || ' ' || substr(t.name, 15, 1) || ' ' || substr(t.name, 16, 1) || ' ' || substr(t.name, 17, 1) || ' ' || substr(t.name, 18, 1) || ' ' || substr(t.name, 19, 1) || ' ' || substr(t.name, 20, 1) || ' ' || substr(t.name, 21, 1) || ' ' || substr(t.name, 22, 1) || ' ' || substr(t.name, 23, 1) || ' ' || substr(t.name, 24, 1) || ' ' || substr(t.name, 25, 1) || ' ' || substr(t.name, 26, 1) || ' ' || substr(t.name, 27, 1) || ' ' || substr(t.name, 28, 1) || ' ' || substr(t.name, 29, 1) || ' ' || substr(t.name, 30, 1) || ' ' || substr(t.name, 31, 1) || ' ' || substr(t.name, 32, 1) || ' ' || substr(t.name, 33, 1) || ' ' || substr(t.name, 34, 1) || ' ' || substr(t.name, 35, 1) || ' ' || substr(t.name, 36, 1) || ' ' || substr(t.name, 37, 1) || ' ' || substr(t.name, 38, 1) || ' ' || substr(t.name, 39, 1) || ' ' || substr(t.name, 40, 1)) FROM topic_search_docs d JOIN topics t ON t.name = d.topic;
--> statement-breakpoint
INSERT INTO note_search_docs (note_id) SELECT id FROM notes WHERE id NOT IN (SELECT note_id FROM note_search_docs) ORDER BY id;
--> statement-breakpoint
WITH RECURSIVE
  todo (doc_id, text) AS (
    SELECT d.doc_id, n.title || ' ' || n.body || ' ' || coalesce(n.place_name, '') || ' ' ||
      coalesce((SELECT group_concat(topic, ' ') FROM note_topics WHERE note_id = n.id), '')
    FROM note_search_docs d JOIN notes n ON n.id = d.note_id
    WHERE d.doc_id NOT IN (SELECT rowid FROM note_search)
  ),
  spaced (doc_id, text, i, chars) AS (
    SELECT doc_id, text, 1, '' FROM todo
    UNION ALL
    SELECT doc_id, text, i + 1, chars || CASE WHEN unicode(substr(text, i, 1)) BETWEEN 12352 AND 40959 OR unicode(substr(text, i, 1)) BETWEEN 44032 AND 55215 OR unicode(substr(text, i, 1)) BETWEEN 63744 AND 64255 OR unicode(substr(text, i, 1)) BETWEEN 131072 AND 201551 THEN ' ' || substr(text, i, 1) ELSE '' END
    FROM spaced WHERE i <= length(text)
  )
INSERT INTO note_search (rowid, words, chars) SELECT doc_id, text, trim(chars) FROM spaced WHERE i = length(text) + 1;

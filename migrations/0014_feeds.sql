-- Feeds: view counts rolled up by the FeedImpressions Durable Objects, a
-- latitude band for the nearby feed's index, and the reader's feed preferences.
ALTER TABLE `notes` ADD `view_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- 0.1° latitude bands (about 11 km), computed by SQLite on every insert and edit
-- of the place, so no write path has to remember it.
ALTER TABLE `notes` ADD `place_band` integer GENERATED ALWAYS AS (CAST((`place_latitude` + 90) * 10 AS INTEGER)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `notes_place_idx` ON `notes` (`place_band`,`place_longitude`) WHERE `place_band` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `view_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `users` ADD `random_fridays` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `other_language_percent` integer DEFAULT 25 NOT NULL;
--> statement-breakpoint
-- Topic affinity reads a reader's latest comments.
CREATE INDEX IF NOT EXISTS `comments_author_idx` ON `comments` (`author_id`,`id`);

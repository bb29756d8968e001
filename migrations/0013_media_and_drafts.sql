-- Uploaded media (R2), readers' image quality, and offline drafts (issue 12).
CREATE TABLE `media_objects` (
	`source_sha256` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`content_type` text NOT NULL,
	`original_key` text NOT NULL,
	`original_bytes` integer NOT NULL,
	`low_res_key` text,
	`low_res_bytes` integer,
	`width` integer,
	`height` integer,
	`duration_ms` integer,
	`placeholder` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `media` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`source_sha256` text NOT NULL,
	`byte_size` integer NOT NULL,
	`note_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_sha256`) REFERENCES `media_objects`(`source_sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `media_owner_idx` ON `media` (`owner_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `media_object_idx` ON `media` (`source_sha256`);
--> statement-breakpoint
CREATE INDEX `media_note_idx` ON `media` (`note_id`);
--> statement-breakpoint
ALTER TABLE `users` ADD `image_quality` text;
--> statement-breakpoint
CREATE TABLE `drafts` (
	`author_id` text NOT NULL,
	`id` text NOT NULL,
	`version` integer NOT NULL,
	`content` text NOT NULL,
	`change_seq` integer NOT NULL,
	`published_note_id` text,
	`deleted_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`author_id`, `id`),
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `drafts_changes_idx` ON `drafts` (`author_id`,`change_seq`);

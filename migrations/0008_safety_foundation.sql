CREATE TABLE `blocks` (
	`blocker_id` text NOT NULL,
	`blocked_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`blocker_id`, `blocked_id`),
	FOREIGN KEY (`blocker_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`blocked_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `blocks_blocked_idx` ON `blocks` (`blocked_id`,`blocker_id`);--> statement-breakpoint
CREATE TABLE `mutes` (
	`muter_id` text NOT NULL,
	`muted_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`muter_id`, `muted_id`),
	FOREIGN KEY (`muter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`muted_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mutes_muted_idx` ON `mutes` (`muted_id`,`muter_id`);--> statement-breakpoint
CREATE TABLE `staff_roles` (
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`regions` text DEFAULT '[]' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`granted_by` text,
	`granted_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`granted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `comments` ADD `visibility` text DEFAULT 'visible' NOT NULL;--> statement-breakpoint
ALTER TABLE `comments` ADD `moderation_reason` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `visibility` text DEFAULT 'visible' NOT NULL;--> statement-breakpoint
ALTER TABLE `notes` ADD `moderation_reason` text;--> statement-breakpoint
ALTER TABLE `users` ADD `suspended_until` integer;--> statement-breakpoint
-- Curators move from users.role to staff_roles, where every staff role now lives.
INSERT INTO `staff_roles` (`user_id`, `role`, `granted_at`) SELECT `id`, 'curator', `updated_at` FROM `users` WHERE `role` = 'curator';
--> statement-breakpoint
ALTER TABLE `users` DROP COLUMN `role`;

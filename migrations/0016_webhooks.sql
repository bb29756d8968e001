-- External apps: signed incoming webhooks and outgoing event subscriptions (Standard Webhooks).
CREATE TABLE `webhook_apps` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`incoming_events` text DEFAULT '[]' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_apps_name_unique` ON `webhook_apps` (`name`);--> statement-breakpoint
CREATE TABLE `webhook_app_secrets` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`ciphertext` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`app_id`) REFERENCES `webhook_apps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_app_secrets_app_idx` ON `webhook_app_secrets` (`app_id`);--> statement-breakpoint
CREATE TABLE `webhook_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`url` text NOT NULL,
	`event_types` text NOT NULL,
	`failing_since` integer,
	`disabled_at` integer,
	`disabled_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`app_id`) REFERENCES `webhook_apps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_subscriptions_app_idx` ON `webhook_subscriptions` (`app_id`);--> statement-breakpoint
CREATE TABLE `webhook_app_links` (
	`user_id` text NOT NULL,
	`app_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `app_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`app_id`) REFERENCES `webhook_apps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `webhook_receipts` (
	`app_id` text NOT NULL,
	`webhook_id` text NOT NULL,
	`claim_token` text NOT NULL,
	`event_type` text NOT NULL,
	`body_hash` text NOT NULL,
	`status` text NOT NULL,
	`response_status` integer NOT NULL,
	`response_body` text NOT NULL,
	`payload` text,
	`result` text,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`app_id`, `webhook_id`),
	FOREIGN KEY (`app_id`) REFERENCES `webhook_apps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_receipts_status_idx` ON `webhook_receipts` (`status`,`received_at`);--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`app_id` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_response_status` integer,
	`last_error` text,
	`next_attempt_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `webhook_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscription_id`) REFERENCES `webhook_subscriptions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`app_id`) REFERENCES `webhook_apps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_event_subscription_unique` ON `webhook_deliveries` (`event_id`,`subscription_id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_app_idx` ON `webhook_deliveries` (`app_id`,`id`);--> statement-breakpoint
ALTER TABLE `notes` ADD `import_source` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `import_original_id` text;--> statement-breakpoint
-- A post imported once stays imported once, however often a migration tool re-sends it.
CREATE UNIQUE INDEX `notes_import_unique` ON `notes` (`author_id`,`import_source`,`import_original_id`) WHERE `import_source` IS NOT NULL;

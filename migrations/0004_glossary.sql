CREATE TABLE `glossary_decisions` (
	`term_id` text NOT NULL,
	`target_language` text NOT NULL,
	`decision` text NOT NULL,
	`rendering` text,
	`curated_by` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`term_id`, `target_language`),
	FOREIGN KEY (`term_id`) REFERENCES `glossary_terms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`curated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "glossary_decisions_rendering" CHECK(("glossary_decisions"."decision" = 'render') = ("glossary_decisions"."rendering" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE `glossary_explanations` (
	`id` text PRIMARY KEY NOT NULL,
	`term_id` text NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`language` text NOT NULL,
	`vote_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`term_id`) REFERENCES `glossary_terms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `glossary_explanations_best_idx` ON `glossary_explanations` (`term_id`,`vote_count`,`id`);--> statement-breakpoint
CREATE TABLE `glossary_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `glossary_terms` (
	`id` text PRIMARY KEY NOT NULL,
	`term` text NOT NULL,
	`language` text NOT NULL,
	`variants` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `glossary_terms_language_term_idx` ON `glossary_terms` (`language`,`term`);--> statement-breakpoint
CREATE TABLE `glossary_votes` (
	`explanation_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`explanation_id`, `user_id`),
	FOREIGN KEY (`explanation_id`) REFERENCES `glossary_explanations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `users` ADD `role` text DEFAULT 'member' NOT NULL;
CREATE TABLE `cat_tax_receipts` (
	`note_id` text NOT NULL,
	`serial` integer NOT NULL,
	`stamper_id` text,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`note_id`, `serial`),
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stamper_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cat_tax_receipts_stamper_idx` ON `cat_tax_receipts` (`note_id`,`stamper_id`);--> statement-breakpoint
CREATE INDEX `cat_tax_receipts_time_idx` ON `cat_tax_receipts` (`created_at`,`note_id`);--> statement-breakpoint
CREATE TABLE `thread_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`note_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `thread_outbox_note_idx` ON `thread_outbox` (`note_id`,`id`);--> statement-breakpoint
ALTER TABLE `notes` ADD `is_cat_note` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `notes` ADD `cat_name` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `receipt_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `notes_receipt_count_idx` ON `notes` (`receipt_count`,`id`);
-- The stand-in author of "deleted comment" placeholders (src/lib/deleted-account.ts).
-- Its phone and password hash are not ones any sign-in can match.
INSERT INTO `users` (`id`, `phone_e164`, `phone_region`, `password_hash`, `nickname`, `bio`, `languages`, `created_at`, `updated_at`)
VALUES ('00000000000000000000000000', 'none:deleted-account', '001', 'none:no-password', '[deleted]', '', '[]', 0, 0);
--> statement-breakpoint
-- Account export and deletion find a person's rows by these columns.
CREATE INDEX `comments_author_idx` ON `comments` (`author_id`,`id`);--> statement-breakpoint
CREATE INDEX `cat_tax_receipts_by_stamper_idx` ON `cat_tax_receipts` (`stamper_id`);--> statement-breakpoint
CREATE INDEX `glossary_explanations_author_idx` ON `glossary_explanations` (`author_id`);--> statement-breakpoint
CREATE INDEX `glossary_votes_user_idx` ON `glossary_votes` (`user_id`);

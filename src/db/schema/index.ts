/*
 * The data model. Times are epoch milliseconds. Counter columns (`*_count`) are
 * kept exact by triggers in migrations/0001_counters.sql, so every write path,
 * including cascading deletes, keeps them right without recounting on read.
 */
export * from "./accounts";
export * from "./notes";
export * from "./social";
export * from "./idempotency";
export * from "./cat-tax";
export * from "./live";
export * from "./glossary";
export * from "./safety";
export * from "./media";
export * from "./moderation";
export * from "./discovery";
export * from "./webhooks";

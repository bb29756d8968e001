/** The demo as `INSERT OR IGNORE` statements (no trailing semicolons), parents before children. */
export function buildSeedSql(): Promise<string[]>;

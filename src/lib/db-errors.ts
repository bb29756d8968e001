// D1 reports constraint failures only through the message text.
const messageOf = (error: unknown) =>
  error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error);

export const isUniqueViolation = (error: unknown) =>
  /UNIQUE constraint failed|PRIMARY KEY constraint failed/i.test(messageOf(error));

/** A write referred to a row that was deleted meanwhile (e.g. liking a note as it is deleted). */
export const isForeignKeyViolation = (error: unknown) => /FOREIGN KEY constraint failed/i.test(messageOf(error));

/** A write left a required column empty, e.g. a reference read in the insert itself found no row it may use. */
export const isNotNullViolation = (error: unknown, column: string) =>
  new RegExp(`NOT NULL constraint failed: ${column.replace(".", "\\.")}`, "i").test(messageOf(error));

/** A statement's SQL function refused its input (json() of text that isn't JSON): how a guard statement fails its batch. */
export const isMalformedJson = (error: unknown) => /malformed JSON/i.test(messageOf(error));

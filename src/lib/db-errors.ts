// D1 reports constraint failures only through the message text.
const messageOf = (error: unknown) =>
  error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error);

export const isUniqueViolation = (error: unknown) =>
  /UNIQUE constraint failed|PRIMARY KEY constraint failed/i.test(messageOf(error));

/** A write referred to a row that was deleted meanwhile (e.g. liking a note as it is deleted). */
export const isForeignKeyViolation = (error: unknown) => /FOREIGN KEY constraint failed/i.test(messageOf(error));

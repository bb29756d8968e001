/** D1 reports constraint failures only through the message text. */
export function isUniqueViolation(error: unknown): boolean {
  const message = error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error);
  return /UNIQUE constraint failed|PRIMARY KEY constraint failed/i.test(message);
}

/**
 * The stand-in author of comments kept after their writer deleted their account,
 * like GitHub's "ghost": a top-level comment others replied to stays as an empty
 * "deleted comment" placeholder so the replies keep their place. The row is made
 * by migrations/0012_privacy_and_limits.sql; no one can sign in as it, and it is
 * not a person anyone can open, follow, block or mute.
 */
export const DELETED_ACCOUNT_ID = "00000000000000000000000000";

export const isDeletedAccount = (userId: string) => userId === DELETED_ACCOUNT_ID;

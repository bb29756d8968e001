import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { showIpRegion } from "../lib/ip-region";
import { iso } from "../lib/time";
import { type ExportSection, type Row, time } from "./paging";
import { ownContentSections } from "./own-content";
import { relationSections } from "./relations";

/** The sections of a person's export, in the order written. Every query is keyset-paged on a unique key of the person's rows. */
export const exportSections = (db: Db, userId: string, sessionId: string): ExportSection[] => [
  ...ownContentSections(db, userId, sessionId),
  ...relationSections(db, userId),
];

/** The account itself: their own phone number in full (it is theirs), never the password hash. */
export async function accountSection(db: Db, userId: string): Promise<Row | null> {
  const user = await db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return null;
  return {
    id: user.id,
    phone: user.phoneE164,
    phoneRegion: user.phoneRegion,
    nickname: user.nickname,
    bio: user.bio,
    languages: user.languages,
    ipRegion: showIpRegion(user.ipCountry, user.ipRegion),
    counts: { followers: user.followerCount, following: user.followingCount, notes: user.noteCount },
    suspendedUntil: time(user.suspendedUntil),
    createdAt: iso(user.createdAt),
    updatedAt: iso(user.updatedAt),
  };
}

import type { z } from "@hono/zod-openapi";
import type { Db } from "../db/client";
import { loadGlossary } from "../glossary/terms-in-text";
import { UNDETERMINED } from "../language/detect";
import { showIpRegion } from "../lib/ip-region";
import { iso } from "../lib/time";
import { enforceBudget } from "../lib/rate-limit";
import { currentGlossaryVersion, runTranslation } from "../translation/pipeline";
import type { CaseSchema } from "./schemas";
import { covers, culturalBuffer } from "./scope";
import { type CaseRow, caseOrigin } from "./store";

type CaseView = z.infer<typeof CaseSchema>;
type Content = NonNullable<CaseView["content"]>;

type StoredContent = {
  title?: string | null;
  body?: string | null;
  nickname?: string | null;
  bio?: string;
  language?: string | null;
  visibility?: Content["visibility"];
  authorId?: string | null;
  noteId?: string | null;
  suspendedUntil?: number | null;
};

function contentOf(row: CaseRow): Content | null {
  if (!row.content) return null;
  const stored = JSON.parse(row.content) as StoredContent;
  const person = row.case.targetType === "user";
  const suspendedUntil = stored.suspendedUntil && stored.suspendedUntil > Date.now() ? iso(stored.suspendedUntil) : null;
  return {
    title: person ? (stored.nickname ?? null) : (stored.title ?? null),
    body: (person ? stored.bio : stored.body) ?? "",
    language: stored.language ?? null,
    visibility: person ? null : (stored.visibility ?? null),
    author: stored.authorId ? { id: stored.authorId, nickname: stored.nickname ?? "" } : null,
    noteId: stored.noteId ?? null,
    suspendedUntil,
  };
}

export type ReaderContext = {
  env: Env;
  db: Db;
  staffId: string;
  language: string;
  waitUntil: (promise: Promise<unknown>) => void;
  /** False where the answer is about a decision just taken, not for reading: spares engine calls. */
  translate: boolean;
};

/**
 * The content in the staff member's language, through the same pipeline,
 * cache and per-user engine limit as readers' translations. A failure (no
 * engine for the pair, engines down, limit spent) leaves it untranslated
 * rather than failing the queue.
 */
async function translated(reader: ReaderContext, content: Content, glossaryVersion: number): Promise<CaseView["translation"]> {
  const texts = [
    { field: "title", text: content.title ?? "" },
    { field: "body", text: content.body },
  ].filter((t) => t.text);
  if (texts.length === 0) return null;
  try {
    const { target, result } = await runTranslation(
      reader.env,
      reader.db,
      { language: content.language ?? UNDETERMINED, texts, glossaryVersion },
      reader.language,
      { pinyin: false, chargeLimit: () => enforceBudget(reader.env, "translate", { user: reader.staffId }), waitUntil: reader.waitUntil },
    );
    const text = (field: string) => result.texts.find((t) => t.field === field)?.translated ?? null;
    return { language: target, title: text("title"), body: text("body") ?? "", engine: result.engine?.id ?? null };
  } catch {
    return null;
  }
}

export async function presentCases(reader: ReaderContext, rows: CaseRow[]): Promise<CaseView[]> {
  if (rows.length === 0) return [];
  const glossaryVersion = reader.translate ? await currentGlossaryVersion(reader.db) : 0;
  // One glossary load for the page, not one per case racing on a cold cache.
  if (reader.translate) await loadGlossary(reader.db, glossaryVersion);
  const buffer = culturalBuffer(reader.env);
  return Promise.all(
    rows.map(async (row) => {
      const found = row.case;
      const content = contentOf(row);
      return {
        id: found.id,
        status: found.status,
        targetType: found.targetType,
        targetId: found.targetId,
        content,
        translation: content && reader.translate ? await translated(reader, content, glossaryVersion) : null,
        origin: { language: found.language, ipRegion: showIpRegion(found.ipCountry, found.ipRegion) },
        culturalBuffer: covers(buffer, caseOrigin(found)),
        reporterCount: found.reporterCount,
        autoFlagged: found.autoFlagged,
        categories: JSON.parse(row.categories ?? "{}") as Record<string, number>,
        reports: (JSON.parse(row.reports ?? "[]") as { createdAt: number }[]).map((report) => ({
          ...report,
          createdAt: iso(report.createdAt),
        })) as CaseView["reports"],
        assigneeId: found.assigneeId,
        resolution:
          found.status === "resolved" && found.action && found.resolvedAt
            ? { action: found.action, reason: found.reason, resolvedBy: found.resolvedBy, resolvedAt: iso(found.resolvedAt) }
            : null,
        openedAt: iso(found.openedAt),
      };
    }),
  );
}

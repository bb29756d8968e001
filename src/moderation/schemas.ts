import { z } from "@hono/zod-openapi";
import { MODERATION_ACTIONS, REPORT_CATEGORIES, REPORT_TARGETS } from "../db/schema";
import { LanguageTagSchema } from "../language/tags";
import { IdSchema } from "../lib/ids";
import { IpRegionSchema } from "../lib/ip-region";
import { PageQuerySchema } from "../lib/pagination";
import { userText } from "../lib/text";

const time = (description?: string) => z.string().openapi({ format: "date-time", ...(description ? { description } : {}) });

export const ReportCreateSchema = z
  .object({
    targetType: z.enum(REPORT_TARGETS).openapi({ example: "comment" }),
    targetId: IdSchema.openapi({ example: "01JH8A0B1C2D3E4F5G6H7J8K9M" }),
    category: z.enum(REPORT_CATEGORIES).openapi({ example: "harassment" }),
    comment: userText({ min: 1, max: 1000, multiline: true })
      .optional()
      .openapi({ description: "Anything staff should know (up to 1,000 characters)", example: "Keeps telling newcomers to leave" }),
  })
  .openapi("ReportCreate");

export const ReportSchema = z
  .object({
    id: z.string().openapi({ example: "01JH9B0B1C2D3E4F5G6H7J8K9M" }),
    targetType: z.enum(REPORT_TARGETS),
    targetId: z.string(),
    category: z.enum(REPORT_CATEGORIES),
    comment: z.string().nullable(),
    createdAt: time(),
  })
  .openapi("Report");

const CaseReportSchema = z.object({
  id: z.string(),
  category: z.enum(REPORT_CATEGORIES),
  comment: z.string().nullable().openapi({ example: "Pre-screen matched: 加微信" }),
  source: z.enum(["person", "prescreen", "app"]).openapi({ description: "A person, the word-list pre-screen, or an external moderation service" }),
  createdAt: time(),
});

const ContentSchema = z
  .object({
    title: z.string().nullable().openapi({ description: "Notes only" }),
    body: z.string().openapi({ description: "The note's or comment's text, or the person's nickname and bio" }),
    language: z.string().nullable().openapi({ example: "zh-Hans" }),
    visibility: z.enum(["visible", "hidden", "removed"]).nullable().openapi({ description: "Notes and comments; null for people" }),
    author: z.object({ id: z.string(), nickname: z.string() }).nullable(),
    noteId: z.string().nullable().openapi({ description: "Comments: the note they are on" }),
    suspendedUntil: z.string().nullable().openapi({ description: "People: a running suspension" }),
  })
  .openapi("ReportedContent", { description: "The target as it is now; null once it was deleted" });

export const CaseSchema = z
  .object({
    id: z.string().openapi({ example: "01JH9C0B1C2D3E4F5G6H7J8K9M" }),
    status: z.enum(["open", "resolved"]),
    targetType: z.enum(REPORT_TARGETS),
    targetId: z.string(),
    content: ContentSchema.nullable(),
    translation: z
      .object({
        language: z.string().openapi({ example: "en" }),
        title: z.string().nullable(),
        body: z.string(),
        engine: z.string().nullable().openapi({ example: "cedict-dictionary" }),
      })
      .nullable()
      .openapi({ description: "The content in your language, through the translation pipeline; null when it could not be translated now" }),
    origin: z.object({
      language: z.string().nullable().openapi({ description: "Base language, as mediators are assigned", example: "zh" }),
      ipRegion: IpRegionSchema,
    }),
    culturalBuffer: z.boolean().openapi({ description: "From a cultural-buffer region or language: only a mediator for it (or an admin) may hide or remove it, and no automatic rule hides it" }),
    reporterCount: z.number().int().openapi({ description: "Distinct people who reported it", example: 3 }),
    autoFlagged: z.boolean().openapi({ description: "An automatic rule (pre-screen, report threshold) flagged it" }),
    categories: z.record(z.string(), z.number().int()).openapi({ example: { spam: 2, harassment: 1 } }),
    reports: z.array(CaseReportSchema).openapi({ description: "The latest 20 reports; reporters are not named" }),
    assigneeId: z.string().nullable(),
    resolution: z
      .object({
        action: z.enum(MODERATION_ACTIONS),
        reason: z.string().nullable(),
        resolvedBy: z.string().nullable().openapi({ description: "A staff member's id, or app:<id>" }),
        resolvedAt: time(),
      })
      .nullable(),
    openedAt: time(),
  })
  .openapi("ModerationCase");

export const QueueQuerySchema = PageQuerySchema.extend({
  status: z.enum(["open", "resolved"]).default("open").openapi({ example: "open" }),
  language: LanguageTagSchema.optional().openapi({ description: "Translate into this language instead of your first one", example: "en" }),
});

export const CaseTranslationQuerySchema = z.object({
  language: LanguageTagSchema.optional().openapi({ description: "Translate into this language instead of your first one", example: "en" }),
});

export const ResolveSchema = z
  .object({
    action: z.enum(MODERATION_ACTIONS).openapi({
      description:
        "dismiss: nothing wrong (restores hidden content); hide: others stop seeing it; remove: taken down; warn: tell the author; suspend: the author's account can't write until `suspendUntil`",
      example: "hide",
    }),
    reason: userText({ min: 1, max: 1000, multiline: true }).openapi({
      description: "Shown to the author: say which rule and why",
      example: "Advertising a paid follower service (spam rule 2)",
    }),
    suspendUntil: z.iso
      .datetime()
      .optional()
      .openapi({ description: "Required for suspend: when the suspension ends (in the future, within 10 years)", example: "2025-02-01T00:00:00Z" }),
  })
  .openapi("ModerationDecision");

export const ReopenSchema = z
  .object({ reason: userText({ min: 1, max: 1000, multiline: true }).optional().openapi({ example: "The author appealed" }) })
  .openapi("ModerationReopen");

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    actor: z.string().openapi({ description: "A staff member's id, `system`, or app:<id>", example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    action: z.string().openapi({ example: "resolve.hide" }),
    caseId: z.string().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    subjectUserId: z.string().nullable(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    createdAt: time(),
  })
  .openapi("AuditEntry");

export const NoticeSchema = z
  .object({
    action: z.string().openapi({ example: "hide" }),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    reason: z.string().nullable().openapi({ example: "Advertising a paid follower service (spam rule 2)" }),
    suspendedUntil: z.string().nullable().openapi({ format: "date-time" }),
    createdAt: time(),
  })
  .openapi("ModerationNoticeEntry");

export const PrescreenWordCreateSchema = z
  .object({
    word: userText({ min: 1, max: 100 }).openapi({ description: "A word or phrase, in any script", example: "加微信" }),
    language: LanguageTagSchema.openapi({ example: "zh" }),
    category: z.enum(REPORT_CATEGORIES).default("spam"),
  })
  .openapi("PrescreenWordCreate");

export const PrescreenWordSchema = z
  .object({
    id: z.string(),
    word: z.string().openapi({ description: "As compared: NFKC, lower case", example: "加微信" }),
    language: z.string(),
    category: z.enum(REPORT_CATEGORIES),
    matches: z.enum(["whole_word", "anywhere"]).openapi({ description: "Chinese, Japanese and Thai entries match anywhere in a text; others as whole words" }),
    createdAt: time(),
  })
  .openapi("PrescreenWord");

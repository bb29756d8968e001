import { z } from "@hono/zod-openapi";
import { graphemeLength } from "../lib/text";

export const MAX_TOPIC_LENGTH = 40;
export const MAX_TOPICS_PER_NOTE = 20;

/**
 * One spelling per topic: NFKC folds full-width ＃ＣａｔＴａｘ into #CatTax,
 * then case is folded, so #CatTax, #cattax and ＃ｃａｔｔａｘ are one topic.
 */
export function normaliseTopic(raw: string): string {
  return raw.normalize("NFKC").trim().replace(/^#+|#+$/g, "").toLocaleLowerCase("und");
}

const TOPIC_CHARS = /^[\p{L}\p{M}\p{N}_]+$/u;

export const isValidTopic = (topic: string) =>
  TOPIC_CHARS.test(topic) && graphemeLength(topic) <= MAX_TOPIC_LENGTH;

/** `#tags` written in a note's text (RedNote's closing `#` in `#猫税#` is accepted too). */
export function topicsInText(text: string): string[] {
  const found = text.normalize("NFKC").match(/#[\p{L}\p{M}\p{N}_]+/gu) ?? [];
  return found.map(normaliseTopic).filter(isValidTopic);
}

export const TopicInputSchema = z
  .string()
  .max(MAX_TOPIC_LENGTH * 4)
  .overwrite(normaliseTopic)
  .refine(isValidTopic, `Letters, digits and _ only, at most ${MAX_TOPIC_LENGTH} characters`)
  .openapi({ description: "A topic, with or without '#'; stored normalised", example: "#CatTax" });

export const TopicNameParamsSchema = z.object({
  name: TopicInputSchema.openapi({ param: { name: "name", in: "path" }, example: "cattax" }),
});

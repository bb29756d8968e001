import type { MediaItem } from "../db/schema";
import { detectLanguage } from "../language/detect";
import { t } from "../lib/i18n";
import { ApiError } from "../lib/errors";
import { MAX_TOPICS_PER_NOTE, topicsInText } from "../topics/normalise";
import type { NoteContent } from "./store";

export function checkTopicCount(topics: string[]): string[] {
  if (topics.length > MAX_TOPICS_PER_NOTE) {
    throw new ApiError("validation_failed", t("notes.tooManyTopics", { max: MAX_TOPICS_PER_NOTE }), {
      details: [{ field: "topics", location: "body", message: `${topics.length} topics including #tags in the body` }],
    });
  }
  return topics;
}

export const languageOf = (title: string, body: string) => detectLanguage(`${title}\n${body}`);

export type NewNote = {
  title: string;
  body: string;
  media: MediaItem[];
  topics: string[];
  place?: { name: string; latitude?: number; longitude?: number } | null;
  language?: string;
  isCatNote: boolean;
  catName?: string | null;
};

/** A new note's stored content and topics (from `#tags` and the explicit list), from a post or a published draft. */
export function composeNote(input: NewNote): { content: NoteContent; topics: string[] } {
  const topics = checkTopicCount([...new Set([...topicsInText(`${input.title}\n${input.body}`), ...input.topics])]);
  return {
    content: {
      title: input.title,
      body: input.body,
      media: input.media,
      place: input.place ?? null,
      language: input.language ?? languageOf(input.title, input.body),
      languageSource: input.language ? "author" : "detected",
      isCatNote: input.isCatNote,
      catName: input.catName ?? null,
    },
    topics,
  };
}

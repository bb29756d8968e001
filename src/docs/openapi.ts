/*
 * What the OpenAPI document says about the API as a whole: the introduction a
 * newcomer reads first, the tags in the order they would read them, and a
 * post-processing step that keeps generated clients honest about request bodies.
 */

export const apiDescription = `NoteBridge is a cross-cultural note-sharing API: people post notes (text, images, video, topics, a place) and comment on them in any language and any script, and anyone reads any note or comment in their own language.

## Your first minute
1. **Sign up** with \`POST /v1/users\` (a phone number as people write it in their country, a password, a nickname, the languages you read). The answer is your account **and a session token**: you are signed in.
2. Send the token as \`Authorization: Bearer <token>\` and **post a note** with \`POST /v1/notes\`. Tag it \`#cattax\` and it is a cat note.
3. Others **comment** (\`POST /v1/notes/{id}/comments\`), **stamp cat tax receipts** (\`POST /v1/notes/{id}/cat-tax-receipts\`), like and collect it.
4. **Read anything in your language**: \`GET /v1/comments/{id}/translation?to=en\` (or \`/v1/notes/{id}/translation\`), with a cultural glossary that renders loaded words (烟火气 → "the vibe of daily life") or keeps them and explains them (躺平, yyds).
5. **Watch a thread live** over a WebSocket (\`GET /v1/notes/{id}/live\`); its protocol is documented in AsyncAPI 3 at [/asyncapi.json](/asyncapi.json).

## Conventions
- **Authentication**: bearer tokens from sign-up or \`POST /v1/sessions\`, valid 30 days. Operations marked with an optional lock answer anyone, and answer signed-in people with their own state too (a note's \`viewerState\`: liked, collected; an explanation's \`viewerVoted\`). A request with an invalid or expired token is refused (401), never served anonymously.
- **Errors** always have the shape \`{ "error": { "code", "message", "requestId", "details"? } }\`. \`code\` is stable and meant for programs; \`message\` is for people. Validation errors (400) list one \`details\` entry per field.
- **Languages**: error messages and other texts the API writes itself follow \`Accept-Language\` (English, 简体中文 \`zh-Hans\`, 繁體中文 \`zh-Hant\`, Español, Português; English otherwise), and answers say which they used in \`Content-Language\`. Codes and field names never change with the language. What people wrote is returned as written; translate it with the translation operations.
- **Lists** are cursor-paginated: \`?limit=\` (default 20, at most 50) and \`?cursor=\` from the previous page's \`nextCursor\` (\`null\` on the last page).
- **Creates** take an \`Idempotency-Key\` header: the same key with the same body returns the first result (with \`Idempotent-Replayed: true\`) for 24 hours.
- **Conditional reads**: single notes, comments, profiles and glossary terms carry a weak \`ETag\` over the answer as you get it (counters, your own state, moderation state and image quality included); send it back in \`If-None-Match\` and an unchanged resource answers \`304 Not Modified\` with no body.
- **Limits**: JSON bodies up to 64 KB (uploads: images 20 MB, videos 200 MB; incoming webhooks 1 MiB).
- **Rate limits** are exact budgets per account and per address, counted in Durable Objects, in fixed windows: sign-ups 10 a minute per address; sign-in attempts 10 a minute per address and per phone number; notes 30 a minute (300 per address); comments 120 (600); likes, collects and cat tax stamps 300 (1,200); follows, blocks and mutes 60 (300); reports 20 an hour (100 per address); translations that need an engine 60 a minute (also for signed-out readers, per address); other writes 120 a minute; live-thread connections 60 a minute per address; data exports 5 an hour; searches 120 a minute. Limited answers carry \`RateLimit-Policy: "comment";q=120;w=60\` and \`RateLimit: "comment";r=117;t=42\` (draft-ietf-httpapi-ratelimit-headers; \`comment-ip\` names the address's budget). Over budget: 429 with \`Retry-After\` in the header and \`retryAfter\` in the error. Repeated failed sign-ins slow down, then lock for 15 minutes. Sign-up, sign-in and reports answer 503 with \`Retry-After\` when their limiter can't be reached; the rest are served. Media uploads are counted apart: 30 an hour (429 with \`Retry-After\`) and 2 GB stored per account (413 when full).
- **IDs** are ULIDs; times are ISO 8601 UTC. Each note, comment and profile shows the IP region it was written from, as RedNote does.

## What else is here
- **Feeds**: \`GET /v1/feed/for-you\` (signed in or not) ranks by engagement per impression, freshness and your topics, never by follower counts: every new note is shown to about 40 readers before its engagement decides its reach, and each item says why it is there (\`reasons\`). A share of each page (your \`otherLanguagePercent\`, 25 by default) is in languages you don't read, with a one-click translation. On Fridays in your time zone it is a random shuffle of recent notes ("out-of-control Friday"; \`randomFridays: false\` opts out). \`/v1/feed/following\` is the people you follow, newest first; \`/v1/feed/nearby\` the notes within a radius, nearest first.
- **Search**: \`GET /v1/search\` finds notes, people and topics in any script (Chinese needs no spaces, Simplified finds Traditional), best match first, and glossary terms a query names. **Topics** show note, view and discussion counts; \`GET /v1/topics/trending\` lists topics rising fastest by distinct people.
- **Media and drafts**: upload images and videos with \`POST /v1/media\` (EXIF removed, a low-resolution variant and a placeholder made) and put the \`mediaId\` in a note or draft. Readers get the original in mainland China and the low-resolution variant elsewhere, unless \`?imageQuality=\` or their profile says otherwise. Drafts are private and sync across devices with \`POST /v1/drafts/sync\` (versions and conflicts), then publish as notes.
- **Blocking and muting**: a block works both ways (neither sees nor answers the other, follows end); a mute only hides someone from your feeds and threads. Neither is told.
- **Moderation**: anyone signed in reports a note, comment or person; staff (mediators for their regions and languages, moderators, admins) work a queue with translations attached, and hide, remove, warn or suspend with a reason the author reads (\`GET /v1/me/moderation-notices\`). Hidden content disappears from every read except its author's, and content reported by 5 people is hidden pending review. A suspended account reads but can't write (403 \`account_suspended\`). Every decision is in an append-only audit log.
- **Your data**: \`GET /v1/me/export\` returns everything held about you as one JSON document; \`DELETE /v1/me\` with your password deletes your account and personal data for good, keeping others' replies in place under a \`[deleted]\` placeholder.
- **Webhooks**: apps registered by admins receive signed events (Standard Webhooks: note, comment, cat tax and report events, retried for about 18 hours) and send signed ones (\`POST /v1/webhooks/{app}\`: moderation verdicts, imports of posts into accounts whose owners linked the app), each applied exactly once.
`;

/** Tags in the order a newcomer meets them. */
export const apiTags = [
  { name: "Accounts", description: "Sign up (which signs you in), sign in and out, your own profile, and deleting your account." },
  { name: "Notes", description: "Post, read, edit and delete notes: text, images and video, topics, a place, a language." },
  { name: "Comments", description: "Comment threads RedNote-style: top-level comments with replies filed under them." },
  {
    name: "Cat tax",
    description: "Cat notes collect numbered, bilingual cat tax receipts (猫税收据) from everyone but the cat's owner.",
  },
  {
    name: "Translation",
    description: "Any note or comment in the reader's language, sentence-cached, with the cultural glossary applied.",
  },
  { name: "Likes and collects", description: "Like and collect (bookmark) notes, and list what you liked and collected." },
  { name: "Users", description: "People's public profiles and who follows whom." },
  {
    name: "Feeds",
    description: "For you (ranked fairly, other languages mixed in, random on Fridays), the people you follow, and notes nearby.",
  },
  { name: "Search", description: "Notes, people and topics in any script, and the glossary terms a query names." },
  {
    name: "Topics",
    description:
      "Topics (#tags) with their note, view and discussion counts, the notes carrying them, and what is trending; `#CatTax`, `#cattax` and `＃ＣａｔＴａｘ` are one topic.",
  },
  { name: "Media", description: "Upload images and videos for notes and drafts; files are served low-resolution or original by reader." },
  { name: "Drafts", description: "Private drafts that sync across your devices, with versions and conflicts, and publish as notes." },
  {
    name: "Glossary",
    description:
      "The cultural glossary: curated renderings of loaded words, words kept untranslated on purpose, and explanations written and voted on by users.",
  },
  {
    name: "Live threads",
    description: "A note's comment thread live over a WebSocket; the message protocol is in the AsyncAPI document at /asyncapi.json.",
  },
  { name: "Blocks and mutes", description: "Block someone (both ways: neither sees nor answers the other) or mute them (out of your feeds)." },
  { name: "Privacy", description: "Everything held about you, exported as one JSON document." },
  {
    name: "Moderation",
    description: "Reports, the staff queue with translations, decisions with reasons, the pre-screen word lists, the audit log and your notices.",
  },
  { name: "Staff", description: "Admins grant and revoke staff roles: curators, mediators (by region and language), moderators, admins." },
  {
    name: "Webhooks",
    description: "Signed deliveries from linked apps (Standard Webhooks): moderation verdicts and imports, each applied exactly once.",
  },
  {
    name: "Webhook apps",
    description: "Admins register apps, their signing secrets and event subscriptions, and watch deliveries; people link apps to their account.",
  },
  { name: "Service", description: "Health, and the documents describing this API." },
];

type Json = Record<string, any>;

/**
 * Inlines request-body schemas. Client generators such as openapi-typescript make a
 * property with a `default` required when its schema is a shared component (it might
 * be a response), but optional inside a request body. Inlining keeps the defaults
 * documented and lets clients leave those fields out, for every route at once.
 */
export function inlineRequestBodies(document: Json): Json {
  const schemas: Json = document.components?.schemas ?? {};
  const inlined = new Set<string>();
  for (const operations of Object.values<Json>(document.paths ?? {})) {
    for (const operation of Object.values<Json>(operations)) {
      for (const media of Object.values<Json>(operation?.requestBody?.content ?? {})) {
        const name = /^#\/components\/schemas\/(.+)$/.exec(media.schema?.$ref ?? "")?.[1];
        if (!name || !schemas[name]) continue;
        media.schema = structuredClone(schemas[name]);
        inlined.add(name);
      }
    }
  }
  const text = JSON.stringify(document);
  for (const name of inlined) {
    if (!text.includes(`"#/components/schemas/${name}"`)) delete schemas[name];
  }
  return document;
}

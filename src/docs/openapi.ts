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
- **Conditional reads**: single notes, comments, profiles and glossary terms carry a weak \`ETag\` (counters included); send it back in \`If-None-Match\` and an unchanged resource answers \`304 Not Modified\` with no body.
- **Limits**: bodies up to 64 KB; rate limits answer 429 with \`Retry-After\`.
- **IDs** are ULIDs; times are ISO 8601 UTC. Each note, comment and profile shows the IP region it was written from, as RedNote does.`;

/** Tags in the order a newcomer meets them. */
export const apiTags = [
  { name: "Accounts", description: "Sign up (which signs you in), sign in and out, and your own profile." },
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
  { name: "Topics", description: "Topics (#tags) and the notes carrying them; `#CatTax`, `#cattax` and `＃ＣａｔＴａｘ` are one topic." },
  {
    name: "Glossary",
    description:
      "The cultural glossary: curated renderings of loaded words, words kept untranslated on purpose, and explanations written and voted on by users.",
  },
  {
    name: "Live threads",
    description: "A note's comment thread live over a WebSocket; the message protocol is in the AsyncAPI document at /asyncapi.json.",
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

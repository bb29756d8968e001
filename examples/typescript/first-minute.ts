import createClient from "openapi-fetch";
import type { paths } from "./api";

/*
 * A newcomer's first minute on NoteBridge, through a client generated from the
 * served OpenAPI document: Ana signs up and posts her cat, Wei signs up, comments
 * in Chinese and stamps a cat tax receipt, and Ana reads Wei's comment in English.
 */

export type Options = {
  /** Where the API is, e.g. http://127.0.0.1:8787 */
  baseUrl: string;
  /** A fetch to use instead of the global one (tests pass the worker's own). */
  fetch?: (request: Request) => Promise<Response>;
};

type Failure = { error: { code: string; message: string } };

/** openapi-fetch answers `{ data }` or `{ error }`; a script like this one stops at the first error. */
function must<T>(result: { data?: T; error?: Failure }, what: string): T {
  if (result.error) throw new Error(`${what}: ${result.error.error.code}: ${result.error.error.message}`);
  return result.data as T;
}

/** A phone number nobody has yet: a Chinese mobile number in national format. */
const newPhone = () => `138 ${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

export async function firstMinute({ baseUrl, fetch }: Options) {
  const api = createClient<paths>({ baseUrl, fetch });

  // 1. Ana signs up, and is signed in at once.
  const ana = must(
    await api.POST("/v1/users", {
      body: { phone: newPhone(), region: "CN", password: "cat-tax-paid-2025", nickname: "Ana 🌵", languages: ["en"] },
    }),
    "Ana signs up",
  );
  const asAna = { headers: { Authorization: `Bearer ${ana.session.token}`, "Accept-Language": "en" } };

  // 2. She posts her cat: fields with defaults (media, topics, isCatNote) can be left out.
  const note = must(
    await api.POST("/v1/notes", {
      ...asAna,
      body: { title: "Meet Lili 🐱", body: "My cat Lili pays her cat tax. Hello friends! #cattax" },
    }),
    "Ana posts her cat",
  );

  // 3. Wei signs up, reading Simplified Chinese: the API's own messages come in his language.
  const wei = must(
    await api.POST("/v1/users", {
      body: { phone: newPhone(), region: "CN", password: "xiao-hong-shu-88", nickname: "薯友小魏", languages: ["zh-Hans"] },
    }),
    "Wei signs up",
  );
  const asWei = { headers: { Authorization: `Bearer ${wei.session.token}`, "Accept-Language": "zh-Hans" } };

  // 4. He comments, and stamps a receipt: Lili's cat tax is paid.
  const comment = must(
    await api.POST("/v1/notes/{id}/comments", { ...asWei, params: { path: { id: note.id } }, body: { body: "猫很可爱" } }),
    "Wei comments",
  );
  const receipt = must(
    await api.POST("/v1/notes/{id}/cat-tax-receipts", { ...asWei, params: { path: { id: note.id } } }),
    "Wei stamps a receipt",
  );

  // 5. Ana opens her note's comments and reads Wei's in English.
  const thread = must(
    await api.GET("/v1/notes/{id}/comments", { ...asAna, params: { path: { id: note.id }, query: { limit: 20 } } }),
    "Ana lists the comments",
  );
  const weisComment = thread.items.find((item) => item.id === comment.id);
  if (!weisComment) throw new Error("Wei's comment is not in the thread");
  const translation = must(
    await api.GET("/v1/comments/{id}/translation", { ...asAna, params: { path: { id: weisComment.id }, query: { to: "en" } } }),
    "Ana reads it in English",
  );

  return { ana, wei, note, comment, receipt, translation };
}

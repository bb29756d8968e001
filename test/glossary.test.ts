import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type TestUser, api, createUser, expectError } from "./helpers";

async function createCurator(): Promise<TestUser> {
  const user = await createUser();
  await env.DB.prepare("INSERT INTO staff_roles (user_id, role, granted_at) VALUES (?, 'curator', 0)").bind(user.id).run();
  return user;
}

async function termId(q: string): Promise<string> {
  const found = await api("GET", `/v1/glossary/terms?q=${encodeURIComponent(q)}`);
  return found.body.items[0].id;
}

describe("the seeded glossary", () => {
  it("holds at least 40 real entries, in both directions", async () => {
    const all: { language: string; decisions: unknown[] }[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: typeof all; nextCursor: string | null } } = await api("GET", `/v1/glossary/terms?limit=50${cursor ? `&cursor=${cursor}` : ""}`);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.filter((t) => t.language === "zh-Hans").length).toBeGreaterThanOrEqual(20);
    expect(all.filter((t) => t.language === "en").length).toBeGreaterThanOrEqual(15);
    expect(all.every((t) => t.decisions.length > 0)).toBe(true);
  });

  it("is searchable by term, other spelling and rendering", async () => {
    const byTerm = await api("GET", "/v1/glossary/terms?q=躺");
    expect(byTerm.body.items.map((t: { term: string }) => t.term)).toContain("躺平");
    const byVariant = await api("GET", "/v1/glossary/terms?q=煙火");
    expect(byVariant.body.items.map((t: { term: string }) => t.term)).toEqual(["烟火气"]);
    const byRendering = await api("GET", "/v1/glossary/terms?q=daily life");
    expect(byRendering.body.items[0]).toMatchObject({ term: "烟火气", decisions: [{ targetLanguage: "en", decision: "render", rendering: "the vibe of daily life" }] });
    const english = await api("GET", "/v1/glossary/terms?q=cat&language=en");
    expect(english.body.items.map((t: { term: string }) => t.term)).toEqual(["cat tax"]);
    const wildcard = await api("GET", "/v1/glossary/terms?q=%25");
    expect(wildcard.body.items).toEqual([]);
    // Other spellings are stored as JSON: its brackets and quotes are not part of any spelling.
    expect((await api("GET", "/v1/glossary/terms?q=%5B")).body.items).toEqual([]);
    expect((await api("GET", "/v1/glossary/terms?q=%22")).body.items).toEqual([]);
  });

  it("shows a term with its decisions and best explanations", async () => {
    const response = await api("GET", `/v1/glossary/terms/${await termId("躺平")}`);
    expect(response.body).toMatchObject({
      term: "躺平",
      language: "zh-Hans",
      decisions: [{ targetLanguage: "en", decision: "keep", rendering: null }],
      bestExplanations: [{ author: null, language: "en", viewerVoted: null }],
    });
    expectError(await api("GET", "/v1/glossary/terms/01JH7Z3V6N1Q2M8W4K5T9R0XYZ"), 404, "not_found");
  });
});

describe("curating", () => {
  it("is for curators only", async () => {
    const member = await createUser();
    const id = await termId("躺平");
    expectError(await api("POST", "/v1/glossary/terms", { token: member.token, body: { term: "摆烂", language: "zh-Hans" } }), 403, "forbidden");
    expectError(await api("PUT", `/v1/glossary/terms/${id}/decisions/en`, { token: member.token, body: { decision: "render", rendering: "lying flat" } }), 403, "forbidden");
    expectError(await api("DELETE", `/v1/glossary/terms/${id}/decisions/en`, { token: member.token }), 403, "forbidden");
    expectError(await api("POST", "/v1/glossary/terms", { body: { term: "摆烂", language: "zh-Hans" } }), 401, "unauthorized");
  });

  it("adds terms and sets, changes and removes decisions", async () => {
    const curator = await createCurator();
    const created = await api("POST", "/v1/glossary/terms", {
      token: curator.token,
      body: { term: "摆烂", language: "zh-hans", variants: ["擺爛"] },
      headers: { "Idempotency-Key": "add-bailan" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ term: "摆烂", language: "zh-Hans", variants: ["擺爛"], decisions: [], bestExplanations: [] });
    const duplicate = await api("POST", "/v1/glossary/terms", { token: curator.token, body: { term: "摆烂", language: "zh-Hans" } });
    expectError(duplicate, 409, "conflict");

    const path = `/v1/glossary/terms/${created.body.id}/decisions/en`;
    const kept = await api("PUT", path, { token: curator.token, body: { decision: "keep" } });
    expect(kept.body.decisions).toEqual([expect.objectContaining({ targetLanguage: "en", decision: "keep", rendering: null })]);
    const rendered = await api("PUT", path, { token: curator.token, body: { decision: "render", rendering: "letting it all go to pot" } });
    expect(rendered.body.decisions).toEqual([expect.objectContaining({ decision: "render", rendering: "letting it all go to pot" })]);

    const author = await createUser();
    const note = await api("POST", "/v1/notes", { token: author.token, body: { body: "我决定摆烂了" } });
    const translation = await api("GET", `/v1/notes/${note.body.id}/translation?to=en`, { token: author.token });
    expect(translation.body.texts[0].translated).toContain("letting it all go to pot");

    expect((await api("DELETE", path, { token: curator.token })).status).toBe(204);
    expectError(await api("DELETE", path, { token: curator.token }), 404, "not_found");
  });

  it("refuses a rendering decision without a rendering, and unknown terms", async () => {
    const curator = await createCurator();
    const id = await termId("躺平");
    const error = expectError(await api("PUT", `/v1/glossary/terms/${id}/decisions/en`, { token: curator.token, body: { decision: "render" } }), 400, "validation_failed");
    expect(error.details![0]!.field).toBe("rendering");
    expectError(await api("PUT", "/v1/glossary/terms/01JH7Z3V6N1Q2M8W4K5T9R0XYZ/decisions/en", { token: curator.token, body: { decision: "keep" } }), 404, "not_found");
    expectError(await api("PUT", `/v1/glossary/terms/${id}/decisions/not!a!tag`, { token: curator.token, body: { decision: "keep" } }), 400, "validation_failed");
  });
});

describe("explanations and votes", () => {
  it("anyone signed in explains a term in any language; the most voted come first", async () => {
    const id = await termId("内卷");
    const [writer, voterA, voterB] = [await createUser(), await createUser(), await createUser()];
    const explanation = await api("POST", `/v1/glossary/terms/${id}/explanations`, {
      token: writer.token,
      body: { body: "Like everyone at the gym lifting heavier just to stay in the same place." },
    });
    expect(explanation.status).toBe(201);
    expect(explanation.body).toMatchObject({ author: { id: writer.id }, language: "en", voteCount: 0, viewerVoted: false });

    const up = `/v1/glossary/explanations/${explanation.body.id}/vote`;
    expect((await api("PUT", up, { token: voterA.token })).body).toEqual({ voted: true, voteCount: 1 });
    expect((await api("PUT", up, { token: voterA.token })).body).toEqual({ voted: true, voteCount: 1 });
    expect((await api("PUT", up, { token: voterB.token })).body).toEqual({ voted: true, voteCount: 2 });
    expectError(await api("PUT", up, { token: writer.token }), 403, "forbidden");

    const list = await api("GET", `/v1/glossary/terms/${id}/explanations?limit=1`, { token: voterA.token });
    expect(list.body.items[0]).toMatchObject({ id: explanation.body.id, voteCount: 2, viewerVoted: true });
    const next = await api("GET", `/v1/glossary/terms/${id}/explanations?limit=1&cursor=${list.body.nextCursor}`);
    expect(next.body.items[0]).toMatchObject({ author: null, voteCount: 0 });

    expect((await api("DELETE", up, { token: voterB.token })).body).toEqual({ voted: false, voteCount: 1 });
  });

  it("the best explanation in the reader's language travels with translations", async () => {
    const id = await termId("躺平");
    const writer = await createUser();
    const voter = await createUser();
    const mine = await api("POST", `/v1/glossary/terms/${id}/explanations`, {
      token: writer.token,
      body: { body: "Doing the bare minimum and refusing to burn out for a boss.", language: "en" },
    });
    await api("PUT", `/v1/glossary/explanations/${mine.body.id}/vote`, { token: voter.token });
    const note = await api("POST", "/v1/notes", { token: writer.token, body: { body: "周末就要躺平" } });
    const translation = await api("GET", `/v1/notes/${note.body.id}/translation?to=en`, { token: writer.token });
    expect(translation.body.glossaryTerms[0].explanation).toMatchObject({ id: mine.body.id, voteCount: 1 });
  });

  it("only its author or a curator deletes an explanation", async () => {
    const id = await termId("yyds");
    const writer = await createUser();
    const other = await createUser();
    const curator = await createCurator();
    const first = await api("POST", `/v1/glossary/terms/${id}/explanations`, { token: writer.token, body: { body: "永远的神！" } });
    expect(first.body.language).toBe("zh-Hans");
    expectError(await api("DELETE", `/v1/glossary/explanations/${first.body.id}`, { token: other.token }), 403, "forbidden");
    expect((await api("DELETE", `/v1/glossary/explanations/${first.body.id}`, { token: curator.token })).status).toBe(204);
    const second = await api("POST", `/v1/glossary/terms/${id}/explanations`, { token: writer.token, body: { body: "GOAT" } });
    expect((await api("DELETE", `/v1/glossary/explanations/${second.body.id}`, { token: writer.token })).status).toBe(204);
    expectError(await api("DELETE", `/v1/glossary/explanations/${second.body.id}`, { token: writer.token }), 404, "not_found");
  });
});

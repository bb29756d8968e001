import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, createUser, expectError } from "./helpers";
import { createNote, createUsers, watchReady } from "./live-helpers";

const counter = (noteId: string) => env.CAT_TAX_COUNTER.getByName(noteId);
const stamp = (noteId: string, token: string, headers: Record<string, string> = {}) =>
  api("POST", `/v1/notes/${noteId}/cat-tax-receipts`, { token, headers });
const receiptsInD1 = async (noteId: string) =>
  (
    await env.DB.prepare("SELECT serial, stamper_id FROM cat_tax_receipts WHERE note_id = ? ORDER BY serial")
      .bind(noteId)
      .all<{ serial: number; stamper_id: string | null }>()
  ).results;
const receiptCount = async (noteId: string) => (await api("GET", `/v1/notes/${noteId}`)).body.receiptCount;

/** Makes every receipt insert fail in D1 until the returned function is called. */
async function breakReceiptWrites() {
  await env.DB.prepare(
    "CREATE TRIGGER fail_receipts BEFORE INSERT ON cat_tax_receipts BEGIN SELECT RAISE(ABORT, 'receipts are down'); END",
  ).run();
  return () => env.DB.prepare("DROP TRIGGER fail_receipts").run();
}

describe("cat notes", () => {
  it("are notes tagged #cattax or #猫税 in any spelling, or marked by their author", async () => {
    const author = await createUser();
    const tagged = await createNote(author, { body: "Lili says hi ＃CatTax" });
    const chinese = await createNote(author, { topics: ["#猫税"] });
    const marked = await createNote(author, { isCatNote: true, catName: "Lili" });
    const plain = await createNote(author, { body: "Just my cactus" });
    expect([tagged, chinese, marked, plain].map((n) => n.isCatNote)).toEqual([true, true, true, false]);
    expect(marked).toMatchObject({ catName: "Lili", receiptCount: 0 });

    const edited = await api("PATCH", `/v1/notes/${plain.id}`, { token: author.token, body: { isCatNote: true, catName: "Cactus" } });
    expect(edited.body).toMatchObject({ isCatNote: true, catName: "Cactus" });
    const unnamed = await api("PATCH", `/v1/notes/${plain.id}`, { token: author.token, body: { catName: null } });
    expect(unnamed.body).toMatchObject({ isCatNote: true, catName: null });
    expectError(await api("PATCH", `/v1/notes/${plain.id}`, { token: author.token, body: { catName: "" } }), 400, "validation_failed");
  });
});

describe("stamping a receipt", () => {
  it("issues serial 1 with a bilingual receipt, and the same receipt to the same stamper again", async () => {
    const [owner, fan] = await createUsers(2);
    const note = await createNote(owner!, { isCatNote: true, catName: "Lili" });
    const first = await stamp(note.id, fan!.token);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      noteId: note.id,
      serial: 1,
      number: "0001",
      stamper: { id: fan!.id, nickname: fan!.nickname },
      text: "猫税收据 · CAT TAX RECEIPT No. 0001 — 已全额缴纳给 Lili 的主人 · paid in full to Lili's owner",
    });
    const again = await stamp(note.id, fan!.token);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await receiptCount(note.id)).toBe(1);
  });

  it("gives one receipt to a stamper who stamps several times at once", async () => {
    const [owner, fan] = await createUsers(2);
    const note = await createNote(owner!, { isCatNote: true });
    const stamps = await Promise.all([0, 1, 2, 3].map(() => stamp(note.id, fan!.token)));
    expect(stamps.map((s) => s.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(stamps.map((s) => s.body.serial))).toEqual(new Set([1]));
    expect(await receiptsInD1(note.id)).toEqual([{ serial: 1, stamper_id: fan!.id }]);
  });

  it("handles one failed D1 write once, however many stampers were waiting on it", async () => {
    const [owner, ...fans] = await createUsers(6);
    const note = await createNote(owner!, { isCatNote: true });
    await stamp(note.id, fans[0]!.token);
    const repair = await breakReceiptWrites();
    const refused = await Promise.all(fans.slice(1).map((fan) => stamp(note.id, fan.token)));
    await repair();
    for (const response of refused) expectError(response, 503, "service_unavailable");
    // One failure, one backoff step: the first retry comes after the shortest wait, not the longest.
    const retries = await runInDurableObject(counter(note.id), (_, state) =>
      Number(state.storage.sql.exec<{ value: string }>("SELECT value FROM counter_state WHERE key = 'retries'").one().value),
    );
    expect(retries).toBeLessThanOrEqual(2);
  });

  it("names no cat when the note has none, and replays an Idempotency-Key", async () => {
    const [owner, fan] = await createUsers(2);
    const note = await createNote(owner!, { topics: ["猫税"] });
    const first = await stamp(note.id, fan!.token, { "Idempotency-Key": "stamp-1" });
    expect(first.body.text).toBe("猫税收据 · CAT TAX RECEIPT No. 0001 — 已全额缴纳给猫主人 · paid in full to the cat's owner");
    const replayed = await stamp(note.id, fan!.token, { "Idempotency-Key": "stamp-1" });
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get("Idempotent-Replayed")).toBe("true");
    expect(replayed.body).toEqual(first.body);
  });

  it("refuses non-cat notes, the cat's own owner, strangers without a token and missing notes, clearly", async () => {
    const [owner, fan] = await createUsers(2);
    const plain = await createNote(owner!, { body: "My cactus" });
    const cat = await createNote(owner!, { isCatNote: true });
    expect(expectError(await stamp(plain.id, fan!.token), 409, "conflict").message).toContain("#cattax");
    expect(expectError(await stamp(cat.id, owner!.token), 403, "forbidden").message).toContain("your own");
    expectError(await api("POST", `/v1/notes/${cat.id}/cat-tax-receipts`), 401, "unauthorized");
    expectError(await stamp("01JH7Z3V6N1Q2M8W4K5T9R0XYZ", fan!.token), 404, "not_found");
    expect(await receiptsInD1(cat.id)).toEqual([]);
  });

  it("gives 200 people stamping one note at once the serials 1..200, each once", async () => {
    const [owner, ...stampers] = await createUsers(201);
    const note = await createNote(owner!, { isCatNote: true, catName: "Lili" });
    const responses = await Promise.all(stampers.map((user) => stamp(note.id, user.token)));
    expect(responses.map((r) => r.status).every((s) => s === 201)).toBe(true);
    const serials = responses.map((r) => r.body.serial).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const byStamper = new Map(responses.map((r) => [r.body.stamper.id, r.body.serial]));
    expect(byStamper.size).toBe(200);

    const rows = await receiptsInD1(note.id);
    expect(rows.map((r) => r.serial)).toEqual(serials);
    expect(rows.every((r) => byStamper.get(r.stamper_id!) === r.serial)).toBe(true);
    expect(await receiptCount(note.id)).toBe(200);

    const page = await api("GET", `/v1/notes/${note.id}/cat-tax-receipts?limit=50`);
    expect(page.body.items.map((r: { serial: number }) => r.serial)).toEqual(Array.from({ length: 50 }, (_, i) => 200 - i));
    const next = await api("GET", `/v1/notes/${note.id}/cat-tax-receipts?limit=50&cursor=${page.body.nextCursor}`);
    expect(next.body.items[0].serial).toBe(150);
  }, 30_000);

  it("appears live in the note's thread", async () => {
    const [owner, fan] = await createUsers(2);
    const note = await createNote(owner!, { isCatNote: true, catName: "Lili" });
    const { watcher } = await watchReady(note.id);
    await stamp(note.id, fan!.token);
    const event = await watcher.waitFor((m) => m.type === "receipt.created");
    expect(event.receipt).toMatchObject({ serial: 1, number: "0001", stamper: { id: fan!.id } });
    await watcher.waitFor((m) => m.type === "counters" && m.receiptCount === 1);
  });
});

describe("the D1 mirror", () => {
  it("acknowledges nothing D1 refused, keeps the serial reserved, and records it on the retry", async () => {
    const [owner, fan, other] = await createUsers(3);
    const note = await createNote(owner!, { isCatNote: true });
    const repair = await breakReceiptWrites();
    const refused = await stamp(note.id, fan!.token);
    expect(expectError(refused, 503, "service_unavailable").message).toContain("No. 0001 is reserved for you");
    expect(refused.headers.get("Retry-After")).toBe("5");
    expect(await receiptsInD1(note.id)).toEqual([]);
    expect(await receiptCount(note.id)).toBe(0);

    await repair();
    const retried = await stamp(note.id, fan!.token);
    expect(retried.body).toMatchObject({ serial: 1, stamper: { id: fan!.id } });
    expect((await stamp(note.id, other!.token)).body.serial).toBe(2);
    expect((await receiptsInD1(note.id)).map((r) => r.serial)).toEqual([1, 2]);
    expect(await receiptCount(note.id)).toBe(2);
  });

  it("reconciles on its own: the alarm re-sends what D1 refused", async () => {
    const [owner, fan] = await createUsers(2);
    const note = await createNote(owner!, { isCatNote: true });
    const repair = await breakReceiptWrites();
    expect((await stamp(note.id, fan!.token)).status).toBe(503);
    await repair();
    expect(await runDurableObjectAlarm(counter(note.id))).toBe(true);
    expect(await receiptsInD1(note.id)).toEqual([{ serial: 1, stamper_id: fan!.id }]);
    const pending = await runInDurableObject(counter(note.id), (_, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM receipts WHERE mirrored = 0").one().n,
    );
    expect(pending).toBe(0);
  });

  it("when the note is deleted between the serial and the D1 write, acknowledges nothing and forgets the serial", async () => {
    const [owner, fan] = await createUsers(2);
    const note = await createNote(owner!, { isCatNote: true });
    await stamp(note.id, fan!.token);
    // The worker has checked the note; it is deleted before the counter writes to D1.
    await env.DB.prepare("DELETE FROM notes WHERE id = ?").bind(note.id).run();
    const result = await counter(note.id).stamp({ noteId: note.id, stamperId: owner!.id, catName: null });
    expect(result).toEqual({ ok: false, code: "not_found", message: { key: "notes.notFound" } });
    const kept = await runInDurableObject(counter(note.id), (_, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM receipts").one().n,
    );
    expect(kept).toBe(0);
  });

  it("keeps counting across evictions, and rebuilds from D1 if its own storage is lost", async () => {
    const [owner, ...fans] = await createUsers(6);
    const note = await createNote(owner!, { isCatNote: true });
    for (const fan of fans.slice(0, 2)) await stamp(note.id, fan.token);
    await evictDurableObject(counter(note.id));
    expect((await stamp(note.id, fans[2]!.token)).body.serial).toBe(3);
    expect((await stamp(note.id, fans[0]!.token)).body.serial).toBe(1);

    await runInDurableObject(counter(note.id), (_, state) => state.storage.deleteAll());
    await evictDurableObject(counter(note.id));
    expect((await stamp(note.id, fans[1]!.token)).body.serial).toBe(2);
    expect((await stamp(note.id, fans[3]!.token)).body.serial).toBe(4);
    expect((await receiptsInD1(note.id)).map((r) => r.serial)).toEqual([1, 2, 3, 4]);
  });
});

describe("leaderboard", () => {
  it("ranks the most-taxed cats overall and this week", async () => {
    const [owner, ...fans] = await createUsers(5);
    const lili = await createNote(owner!, { isCatNote: true, catName: "Lili" });
    const momo = await createNote(owner!, { isCatNote: true, catName: "Momo" });
    const oldCat = await createNote(owner!, { isCatNote: true, catName: "Grandpa" });
    for (const fan of fans) await stamp(lili.id, fan.token);
    for (const fan of fans.slice(0, 2)) await stamp(momo.id, fan.token);
    for (const fan of fans.slice(0, 3)) await stamp(oldCat.id, fan.token);
    await env.DB.prepare("UPDATE cat_tax_receipts SET created_at = created_at - 30 * 86400000 WHERE note_id = ?").bind(oldCat.id).run();

    const overall = (await api("GET", "/v1/cat-tax/leaderboard")).body;
    expect(overall.period).toBe("all");
    const mine = overall.items.filter((i: { note: { id: string } }) => [lili.id, momo.id, oldCat.id].includes(i.note.id));
    expect(mine.map((i: { note: { catName: string }; receiptCount: number }) => [i.note.catName, i.receiptCount])).toEqual([
      ["Lili", 4],
      ["Grandpa", 3],
      ["Momo", 2],
    ]);

    const week = (await api("GET", "/v1/cat-tax/leaderboard?period=week&limit=50")).body;
    expect(new Date(week.since).getUTCDay()).toBe(1);
    const names = week.items.map((i: { note: { catName: string } }) => i.note.catName);
    expect(names).toContain("Lili");
    expect(names).not.toContain("Grandpa");
    expect(week.items[0].rank).toBe(1);
    expectError(await api("GET", "/v1/cat-tax/leaderboard?period=forever"), 400, "validation_failed");
  });
});

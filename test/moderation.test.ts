import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../src/db/client";
import { applyModerationAction } from "../src/moderation/actions";
import { flagForReview } from "../src/moderation/reports";
import { api, expectError } from "./helpers";
import { comment, createUsers } from "./live-helpers";
import { caseAbout, firstAdmin, postNote, report, resolve, staffMember } from "./moderation-helpers";

describe("staff roles", () => {
  it("admins grant and revoke roles through the API, and every change is audited", async () => {
    const admin = await firstAdmin();
    const mediator = await staffMember(admin, "mediator", { regions: ["cn-Guangdong", "US"], languages: ["zh-Hans"] });
    const staff = await api("GET", "/v1/staff?limit=50", { token: admin.token });
    expect(staff.body.items).toContainEqual(
      expect.objectContaining({ user: expect.objectContaining({ id: mediator.id }), role: "mediator", regions: ["CN-Guangdong", "US"], languages: ["zh"], grantedBy: admin.id }),
    );
    // A mediator needs an area; a role for nobody is 404.
    expectError(await api("PUT", `/v1/staff/${mediator.id}/roles/mediator`, { token: admin.token, body: {} }), 400, "validation_failed");
    expectError(await api("PUT", "/v1/staff/01JH7Z3V6N1Q2M8W4K5T9R0XYZ/roles/moderator", { token: admin.token, body: {} }), 404, "not_found");

    expect((await api("DELETE", `/v1/staff/${mediator.id}/roles/mediator`, { token: admin.token })).status).toBe(204);
    expectError(await api("DELETE", `/v1/staff/${mediator.id}/roles/mediator`, { token: admin.token }), 404, "not_found");
    expectError(await api("DELETE", `/v1/staff/${admin.id}/roles/admin`, { token: admin.token }), 409, "conflict");

    const audit = await api("GET", "/v1/moderation/audit?limit=50", { token: admin.token });
    const mine = audit.body.items.filter((entry: { targetId: string }) => entry.targetId === mediator.id);
    expect(mine.map((entry: { action: string }) => entry.action)).toEqual(["role.revoke", "role.grant"]);
    expect(mine[1]).toMatchObject({ actor: admin.id, details: { role: "mediator", regions: ["CN-Guangdong", "US"], languages: ["zh"] } });
  });

  it("keeps the audit log append-only in the database itself", async () => {
    const admin = await firstAdmin();
    await staffMember(admin, "moderator");
    await expect(env.DB.prepare("UPDATE moderation_audit SET reason = 'edited'").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM moderation_audit").run()).rejects.toThrow(/append-only/);
  });
});

describe("the moderation flow, end to end", () => {
  it("report, queue with translation, assign, hide with a reason the author reads, reopen, dismiss", async () => {
    const admin = await firstAdmin();
    const moderator = await staffMember(admin, "moderator");
    const [author, reporter, reader] = await createUsers(3);
    const note = await postNote(author!, { title: "我的猫", body: "我的猫很可爱" }, { country: "CN", region: "Sichuan" });

    const first = await report(reporter!, "note", note.id, "spam", "Looks like an ad");
    expect(first.status).toBe(201);
    const again = await report(reporter!, "note", note.id, "hate");
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, category: "spam" });

    const queued = await caseAbout(moderator, note.id);
    expect(queued).toMatchObject({
      status: "open",
      targetType: "note",
      reporterCount: 1,
      categories: { spam: 1 },
      reports: [{ category: "spam", comment: "Looks like an ad", source: "person" }],
      content: { title: "我的猫", body: "我的猫很可爱", visibility: "visible", author: { id: author!.id } },
      origin: { language: "zh", ipRegion: { country: "CN", region: "Sichuan" } },
      culturalBuffer: false,
    });
    // Translated into the moderator's language (createUsers readers read zh-Hans, so ask for English).
    const english = await caseAbout(moderator, note.id, "&language=en");
    expect(english!.translation).toMatchObject({ language: "en", engine: "cedict-dictionary" });
    expect(english!.translation.body).toMatch(/cat/i);

    const assigned = await api("POST", `/v1/moderation/cases/${queued!.id}/assign`, { token: moderator.token });
    expect(assigned.body.assigneeId).toBe(moderator.id);

    const hidden = await resolve(moderator, queued!.id, { action: "hide", reason: "Advertising (spam rule 2)" });
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
    expect(hidden.body).toMatchObject({ status: "resolved", resolution: { action: "hide", reason: "Advertising (spam rule 2)", resolvedBy: moderator.id } });
    expectError(await resolve(moderator, queued!.id, { action: "remove", reason: "again" }), 409, "conflict");

    expectError(await api("GET", `/v1/notes/${note.id}`, { token: reader!.token }), 404, "not_found");
    const own = await api("GET", `/v1/notes/${note.id}`, { token: author!.token });
    expect(own.body.moderation).toEqual({ state: "hidden", reason: "Advertising (spam rule 2)" });
    const notices = await api("GET", "/v1/me/moderation-notices", { token: author!.token });
    expect(notices.body.items[0]).toMatchObject({ action: "hide", targetType: "note", targetId: note.id, reason: "Advertising (spam rule 2)" });

    const reopened = await api("POST", `/v1/moderation/cases/${queued!.id}/reopen`, { token: moderator.token, body: { reason: "Author appealed" } });
    expect(reopened.body).toMatchObject({ status: "open", resolution: null });
    expect((await resolve(moderator, queued!.id, { action: "dismiss", reason: "A real cat, not an ad" })).status).toBe(200);
    const back = await api("GET", `/v1/notes/${note.id}`, { token: reader!.token });
    expect(back.status).toBe(200);
    expect(back.body.moderation).toBeUndefined();

    const audit = await api("GET", `/v1/moderation/audit?caseId=${queued!.id}`, { token: admin.token });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual(["resolve.dismiss", "reopen", "resolve.hide", "assign"]);
  });

  it("warns and suspends: a suspended account reads but can't write, from every session at once, and sign-in says until when", async () => {
    const admin = await firstAdmin();
    const moderator = await staffMember(admin, "moderator");
    const [troll, reporter] = await createUsers(2);
    await report(reporter!, "user", troll!.id, "harassment");
    const queued = await caseAbout(moderator, troll!.id);
    expectError(await resolve(moderator, queued!.id, { action: "hide", reason: "x" }), 400, "validation_failed");
    expectError(await resolve(moderator, queued!.id, { action: "suspend", reason: "x" }), 400, "validation_failed");
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const suspended = await resolve(moderator, queued!.id, { action: "suspend", reason: "Harassing newcomers", suspendUntil: until });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);

    // The session from before the suspension stops writing at once.
    const refused = expectError(await api("POST", "/v1/notes", { token: troll!.token, body: { title: "still here" } }), 403, "account_suspended");
    expect(refused.message).toContain(until);
    expectError(await api("POST", "/v1/reports", { token: troll!.token, body: { targetType: "user", targetId: reporter!.id, category: "spam" } }), 403, "account_suspended");
    expectError(await api("PATCH", "/v1/me", { token: troll!.token, body: { bio: "new bio" } }), 403, "account_suspended");
    expect((await api("GET", `/v1/users/${reporter!.id}/notes`, { token: troll!.token })).status).toBe(200);
    // Writes that check the suspension inside their own batch (one round trip) refuse the same way and keep nothing.
    const catNote = await api("POST", "/v1/notes", { token: reporter!.token, body: { title: "Lili", body: "#cattax", catName: "Lili" } });
    const comment = { token: troll!.token, headers: { "Idempotency-Key": "suspended-comment" }, body: { body: "hello again" } };
    expectError(await api("POST", `/v1/notes/${catNote.body.id}/comments`, comment), 403, "account_suspended");
    expectError(await api("PUT", `/v1/notes/${catNote.body.id}/like`, { token: troll!.token }), 403, "account_suspended");
    expectError(await api("PUT", `/v1/users/${reporter!.id}/follow`, { token: troll!.token }), 403, "account_suspended");
    expectError(await api("POST", `/v1/notes/${catNote.body.id}/cat-tax-receipts`, { token: troll!.token }), 403, "account_suspended");
    const untouched = await api("GET", `/v1/notes/${catNote.body.id}`);
    expect(untouched.body).toMatchObject({ commentCount: 0, likeCount: 0, receiptCount: 0 });
    const me = await api("GET", "/v1/me", { token: troll!.token });
    expect(me.body.suspendedUntil).toBe(until);
    const signIn = await api("POST", "/v1/sessions", { body: { phone: troll!.phone, region: "CN", password: troll!.password } });
    expect(signIn.status).toBe(201);
    expect(signIn.body.user.suspendedUntil).toBe(until);
    const notices = await api("GET", "/v1/me/moderation-notices", { token: troll!.token });
    expect(notices.body.items[0]).toMatchObject({ action: "suspend", reason: "Harassing newcomers", suspendedUntil: until });
  });

  it("hides content reported by 5 distinct people pending review, but never in the cultural buffer", async () => {
    const admin = await firstAdmin();
    const moderator = await staffMember(admin, "moderator");
    const taiwanMediator = await staffMember(admin, "mediator", { regions: ["TW"] });
    const [author, ...reporters] = await createUsers(6);
    const ordinary = await postNote(author!, { title: "Backyard cactus", body: "Welcome Chinese friends" }, { country: "US" });
    const buffered = await postNote(author!, { title: "夜市", body: "士林夜市好好吃" }, { country: "TW" });

    for (const [i, reporter] of reporters.entries()) {
      await report(reporter, "note", ordinary.id);
      await report(reporter, "note", buffered.id);
      // Reporting twice doesn't count twice (the fifth hides it: then it is gone for reporters too).
      if (i < 4) await report(reporter, "note", ordinary.id);
      const visible = (await api("GET", `/v1/notes/${ordinary.id}`)).status === 200;
      expect(visible, `after ${i + 1} reporters`).toBe(i + 1 < 5);
    }
    const hiddenCase = await caseAbout(moderator, ordinary.id);
    expect(hiddenCase).toMatchObject({ reporterCount: 5, autoFlagged: true, content: { visibility: "hidden" } });
    const own = await api("GET", `/v1/notes/${ordinary.id}`, { token: author!.token });
    expect(own.body.moderation).toEqual({ state: "hidden", reason: "Hidden pending review: reported by 5 people" });

    expect((await api("GET", `/v1/notes/${buffered.id}`)).status).toBe(200);
    const bufferCase = await caseAbout(moderator, buffered.id);
    expect(bufferCase).toMatchObject({ reporterCount: 5, autoFlagged: true, culturalBuffer: true, content: { visibility: "visible" } });
    // Only a mediator for Taiwan decides to hide it.
    expectError(await resolve(moderator, bufferCase!.id, { action: "hide", reason: "x" }), 403, "forbidden");
    expect((await resolve(taiwanMediator, bufferCase!.id, { action: "hide", reason: "Mediator's decision" })).status).toBe(200);
    expect((await api("GET", `/v1/notes/${buffered.id}`)).status).toBe(404);
  });

  it("pre-screens new notes and comments against staff-edited word lists: flags, never hides", async () => {
    const admin = await firstAdmin();
    const moderator = await staffMember(admin, "moderator");
    const [author, fan] = await createUsers(2);
    const spam = await postNote(author!, { title: "Cheap", body: "想要粉丝？加微信 abc123" });
    expect((await api("GET", `/v1/notes/${spam.id}`)).status).toBe(200);
    expect(await caseAbout(moderator, spam.id)).toMatchObject({
      autoFlagged: true,
      reporterCount: 0,
      reports: [{ source: "prescreen", category: "spam", comment: "Pre-screen matched: 加微信" }],
    });

    const added = await api("POST", "/v1/moderation/prescreen-words", { token: moderator.token, body: { word: "Scam Link", language: "en", category: "spam" } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ word: "scam link", matches: "whole_word" });
    expectError(await api("POST", "/v1/moderation/prescreen-words", { token: moderator.token, body: { word: "scam  LINK", language: "en" } }), 409, "conflict");

    const note = await postNote(author!, { title: "Lili", body: "cat tax" });
    const flagged = await comment(fan!, note.id, "Free followers here: SCAM-link!!");
    const innocent = await comment(fan!, note.id, "scamlinks is not a word");
    expect(await caseAbout(moderator, flagged.id)).toMatchObject({ targetType: "comment", reports: [{ comment: "Pre-screen matched: scam link" }] });
    expect(await caseAbout(moderator, innocent.id)).toBeUndefined();
    expect((await api("GET", `/v1/comments/${flagged.id}`)).status).toBe(200);

    expect((await api("DELETE", `/v1/moderation/prescreen-words/${added.body.id}`, { token: moderator.token })).status).toBe(204);
    const later = await comment(fan!, note.id, "another scam link");
    expect(await caseAbout(moderator, later.id)).toBeUndefined();
  });
});

describe("external moderation services (the webhook's entry points)", () => {
  it("an app flags content into the queue and decides through applyModerationAction, but never hides in the cultural buffer", async () => {
    const db = createDb(env.DB);
    const pending: Promise<unknown>[] = [];
    const waitUntil = (promise: Promise<unknown>) => pending.push(promise);
    const admin = await firstAdmin();
    const [author] = await createUsers(1);
    const ordinary = await postNote(author!, { title: "Free crypto", body: "Click here" }, { country: "US" });
    const buffered = await postNote(author!, { title: "茶", body: "高山茶" }, { country: "TW" });
    const app = { kind: "app" as const, appId: "safety-vendor" };

    const flagged = await flagForReview(env, db, "safety-vendor", { targetType: "note", targetId: ordinary.id, category: "spam", comment: "score 0.97" });
    expect(await caseAbout(admin, ordinary.id)).toMatchObject({
      id: flagged.caseId,
      autoFlagged: true,
      reporterCount: 0,
      reports: [{ source: "app", comment: "App safety-vendor: score 0.97" }],
    });
    await applyModerationAction(env, db, { caseId: flagged.caseId, action: "hide", reason: "Spam (vendor rule 7)", actor: app }, waitUntil);
    expect((await api("GET", `/v1/notes/${ordinary.id}`)).status).toBe(404);

    const inBuffer = await flagForReview(env, db, "safety-vendor", { targetType: "note", targetId: buffered.id, category: "hate" });
    await expect(
      applyModerationAction(env, db, { caseId: inBuffer.caseId, action: "hide", reason: "x", actor: app }, waitUntil),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await api("GET", `/v1/notes/${buffered.id}`)).status).toBe(200);
    await Promise.all(pending);

    const audit = await api("GET", `/v1/moderation/audit?caseId=${flagged.caseId}`, { token: admin.token });
    expect(audit.body.items).toEqual([expect.objectContaining({ actor: "app:safety-vendor", action: "resolve.hide", reason: "Spam (vendor rule 7)" })]);
  });
});

describe("routing to mediators", () => {
  it("a mediator sees and acts only on content in their languages or from their regions", async () => {
    const admin = await firstAdmin();
    const mediator = await staffMember(admin, "mediator", { regions: ["CN-Guangdong"], languages: ["es"] });
    const [author, reporter] = await createUsers(2);
    const fromGuangdong = await postNote(author!, { title: "早茶", body: "广州早茶" }, { country: "CN", region: "Guangdong" });
    const inSpanish = await postNote(author!, { title: "Hola", body: "Mi gato se llama Lili y le encanta dormir" }, { country: "MX" });
    const fromOhio = await postNote(author!, { title: "Cactus", body: "My backyard cactus says hello" }, { country: "US" });
    for (const note of [fromGuangdong, inSpanish, fromOhio]) await report(reporter!, "note", note.id);

    expect(await caseAbout(mediator, fromGuangdong.id)).toBeDefined();
    expect(await caseAbout(mediator, inSpanish.id)).toBeDefined();
    expect(await caseAbout(mediator, fromOhio.id)).toBeUndefined();

    const outside = await caseAbout(admin, fromOhio.id);
    expectError(await api("GET", `/v1/moderation/cases/${outside!.id}`, { token: mediator.token }), 404, "not_found");
    expectError(await resolve(mediator, outside!.id, { action: "hide", reason: "x" }), 403, "forbidden");
    expectError(await api("POST", `/v1/moderation/cases/${outside!.id}/assign`, { token: mediator.token }), 403, "forbidden");
    expect((await api("GET", `/v1/notes/${fromOhio.id}`)).status).toBe(200);

    const inside = await caseAbout(mediator, fromGuangdong.id);
    expect((await resolve(mediator, inside!.id, { action: "warn", reason: "Please tag ads as ads" })).status).toBe(200);
  });
});

describe("authorisation matrix", () => {
  const someId = "01JH7Z3V6N1Q2M8W4K5T9R0XYZ";
  const routes: { method: string; path: string; body?: unknown; allowed: ("mediator" | "moderator" | "admin")[] }[] = [
    { method: "GET", path: "/v1/moderation/cases", allowed: ["mediator", "moderator", "admin"] },
    { method: "GET", path: `/v1/moderation/cases/${someId}`, allowed: ["mediator", "moderator", "admin"] },
    { method: "POST", path: `/v1/moderation/cases/${someId}/assign`, allowed: ["mediator", "moderator", "admin"] },
    { method: "POST", path: `/v1/moderation/cases/${someId}/resolve`, body: { action: "dismiss", reason: "x" }, allowed: ["mediator", "moderator", "admin"] },
    { method: "POST", path: `/v1/moderation/cases/${someId}/reopen`, body: {}, allowed: ["mediator", "moderator", "admin"] },
    { method: "GET", path: "/v1/moderation/prescreen-words", allowed: ["moderator", "admin"] },
    { method: "POST", path: "/v1/moderation/prescreen-words", body: { word: "matrix", language: "en" }, allowed: ["moderator", "admin"] },
    { method: "DELETE", path: `/v1/moderation/prescreen-words/${someId}`, allowed: ["moderator", "admin"] },
    { method: "GET", path: "/v1/moderation/audit", allowed: ["admin"] },
    { method: "GET", path: "/v1/staff", allowed: ["admin"] },
    { method: "PUT", path: `/v1/staff/${someId}/roles/moderator`, body: {}, allowed: ["admin"] },
    { method: "DELETE", path: `/v1/staff/${someId}/roles/moderator`, allowed: ["admin"] },
  ];

  it("every staff route refuses the signed-out, members, curators and lower roles", async () => {
    const admin = await firstAdmin();
    const [member] = await createUsers(1);
    const people = {
      member: member!,
      curator: await staffMember(admin, "curator"),
      mediator: await staffMember(admin, "mediator", { languages: ["en"] }),
      moderator: await staffMember(admin, "moderator"),
      admin,
    };
    for (const route of routes) {
      expectError(await api(route.method, route.path, { body: route.body }), 401, "unauthorized");
      for (const [who, user] of Object.entries(people)) {
        const response = await api(route.method, route.path, { token: user.token, body: route.body });
        const allowed = (route.allowed as string[]).includes(who);
        expect(response.status === 403, `${who} ${route.method} ${route.path}: ${response.status} ${JSON.stringify(response.body)}`).toBe(!allowed);
        if (!allowed) expect(response.body.error.code).toBe("forbidden");
      }
    }
  });
});

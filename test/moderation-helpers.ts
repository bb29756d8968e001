import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { type TestUser, api } from "./helpers";
import { createUsers } from "./live-helpers";

/** The first admin, made the way `npm run admin:grant` makes one: a row in staff_roles. */
export async function firstAdmin(): Promise<TestUser> {
  const [admin] = await createUsers(1);
  await env.DB.prepare("INSERT INTO staff_roles (user_id, role, granted_at) VALUES (?, 'admin', ?)").bind(admin!.id, Date.now()).run();
  return admin!;
}

/** A staff member whose role an admin granted through the API. */
export async function staffMember(
  admin: TestUser,
  role: "curator" | "mediator" | "moderator" | "admin",
  area: { regions?: string[]; languages?: string[] } = {},
): Promise<TestUser> {
  const [user] = await createUsers(1);
  const granted = await api("PUT", `/v1/staff/${user!.id}/roles/${role}`, { token: admin.token, body: area });
  expect(granted.status, JSON.stringify(granted.body)).toBe(200);
  return user!;
}

export async function report(reporter: TestUser, targetType: string, targetId: string, category = "spam", comment?: string) {
  const response = await api("POST", "/v1/reports", { token: reporter.token, body: { targetType, targetId, category, comment } });
  expect([200, 201], JSON.stringify(response.body)).toContain(response.status);
  return response;
}

/** The open case about a target, as a staff member's queue shows it. */
export async function caseAbout(staff: TestUser, targetId: string, query = "") {
  const queue = await api("GET", `/v1/moderation/cases?limit=50${query}`, { token: staff.token });
  expect(queue.status, JSON.stringify(queue.body)).toBe(200);
  return (queue.body.items as { targetId: string; [field: string]: any }[]).find((item) => item.targetId === targetId);
}

export async function resolve(staff: TestUser, caseId: string, body: Record<string, unknown>) {
  return api("POST", `/v1/moderation/cases/${caseId}/resolve`, { token: staff.token, body });
}

export async function postNote(author: TestUser, body: Record<string, unknown>, cf?: { country?: string; region?: string }) {
  const response = await api("POST", "/v1/notes", { token: author.token, body, cf });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; [field: string]: any };
}

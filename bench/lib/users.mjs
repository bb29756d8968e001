// Signed-in bench users, written straight into the bench's local D1. Sign-up and
// sign-in are rate limited per IP and phone and run PBKDF2 (100,000 iterations)
// each, so creating hundreds through the API would be slow and would measure
// nothing the benchmarks are about. The rows follow src/db/schema/ and
// src/lib/auth.ts: if those change, this is the file to update.
import { createHash, pbkdf2Sync, randomBytes } from "node:crypto";
import { executeSql } from "./worker.mjs";

export const BENCH_PASSWORD = "bench-password-1";
const SESSION_MS = 30 * 24 * 60 * 60 * 1000;
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A ULID like src/lib/ids.ts makes: the API's id parameters only accept that shape. */
export function newId(now = Date.now()) {
  let time = "";
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  return time + [...randomBytes(16)].map((byte) => CROCKFORD[byte % 32]).join("");
}

const sqlString = (value) => `'${String(value).replaceAll("'", "''")}'`;

function insert(table, rows) {
  const columns = Object.keys(rows[0]);
  const values = rows.map((row) => `(${columns.map((c) => (typeof row[c] === "number" ? row[c] : sqlString(row[c]))).join(", ")})`);
  return `INSERT INTO ${table} (${columns.join(", ")}) VALUES\n${values.join(",\n")}`;
}

/** One hash shared by every bench user (same salt): only needed if a bench signs in. */
function passwordHash() {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(BENCH_PASSWORD, salt, 100_000, 32, "sha256");
  return `pbkdf2-sha256$100000$${salt.toString("hex")}$${hash.toString("hex")}`;
}

/**
 * Creates `count` users, each with a live session, and returns
 * `[{ id, phone, token }]`; the tokens work as `Authorization: Bearer <token>`.
 */
export async function createSignedInUsers(worker, count, { prefix = "Bench" } = {}) {
  const now = Date.now();
  const password = passwordHash();
  const users = Array.from({ length: count }, (_, i) => ({
    id: newId(now),
    // Stored as-is (the API would normalise): they only need to be unique.
    phone: `+8613${String(900_000_000 + i).padStart(9, "0")}`,
    token: `nb_${randomBytes(32).toString("base64url")}`,
    nickname: `${prefix} ${i + 1}`,
  }));
  const statements = [];
  for (let start = 0; start < users.length; start += 200) {
    const batch = users.slice(start, start + 200);
    statements.push(
      insert(
        "users",
        batch.map((u) => ({
          id: u.id,
          phone_e164: u.phone,
          phone_region: "CN",
          password_hash: password,
          nickname: u.nickname,
          languages: JSON.stringify(["zh-CN", "en"]),
          created_at: now,
          updated_at: now,
        })),
      ),
      insert(
        "sessions",
        batch.map((u) => ({
          id: newId(now),
          user_id: u.id,
          token_hash: createHash("sha256").update(u.token).digest("hex"),
          created_at: now,
          expires_at: now + SESSION_MS,
        })),
      ),
    );
  }
  await executeSql(worker, statements);
  return users.map(({ id, phone, token }) => ({ id, phone, token }));
}

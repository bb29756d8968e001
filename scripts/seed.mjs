// Seeds the demo data (scripts/demo-data.mjs) into the local D1 for `npm start`.
// Safe to run on every start: seed-sql.mjs inserts with fixed ids and INSERT OR IGNORE.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_PASSWORD, notes, users } from "./demo-data.mjs";
import { buildSeedSql } from "./seed-sql.mjs";
import { wrangler } from "./wrangler.mjs";

const sqlFile = fileURLToPath(new URL("../.wrangler/demo-seed.sql", import.meta.url));

export async function seedLocal() {
  const statements = await buildSeedSql();
  await mkdir(dirname(sqlFile), { recursive: true });
  await writeFile(sqlFile, statements.map((statement) => `${statement};\n`).join(""));
  // stdout would list every statement's (empty) result; failures still reach stderr.
  await wrangler(["d1", "execute", "DB", "--local", "--file", sqlFile], { stdio: ["ignore", "ignore", "inherit"] });
  const comments = Object.values(notes).flatMap((note) => note.comments.flatMap((c) => [c, ...(c.replies ?? [])]));
  console.log(
    `Demo data in place: ${Object.keys(users).length} users, ${Object.keys(notes).length} notes, ${comments.length} comments` +
      ` (sign in as ${users.ashley.phone.number} with "${DEMO_PASSWORD}").`,
  );
}

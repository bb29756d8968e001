// `npm run admin:grant -- <phone> [--region CN] [--remote]`: makes the account with
// this phone number an admin, the first one included. The number is normalised the
// way sign-up does (src/accounts/phone.ts); the grant is audited like any other.
// Without --remote it writes to the local D1 (`npm start`'s); with it, the deployment's.
import { spawn } from "node:child_process";
import { isSupportedCountry, parsePhoneNumberWithError } from "libphonenumber-js/max";
import { offlineEnv } from "./wrangler.mjs";

const args = process.argv.slice(2);
const remote = args.includes("--remote");
const regionAt = args.indexOf("--region");
const region = regionAt >= 0 ? args[regionAt + 1]?.toUpperCase() : undefined;
const number = args.find((arg, i) => !arg.startsWith("--") && !(regionAt >= 0 && i === regionAt + 1));

function fail(message) {
  console.error(message);
  process.exit(1);
}

if (!number) fail('Usage: npm run admin:grant -- "<phone>" [--region CN] [--remote]   (the region is needed unless the number starts with +)');
if (region && !isSupportedCountry(region)) fail(`Not a country code: ${region}`);

let e164;
try {
  const parsed = parsePhoneNumberWithError(number, region);
  if (!parsed.isValid()) throw new Error("invalid");
  e164 = parsed.number;
} catch {
  fail(`Not a valid phone number${region ? ` for ${region}` : " (start it with + and the country code, or pass --region)"}: ${number}`);
}
// E.164 is a plus and digits only, so it is safe inside the SQL below.
if (!/^\+\d{6,15}$/.test(e164)) fail(`Unexpected number: ${e164}`);

/** Runs one SQL command through wrangler and returns its rows. */
function d1(command) {
  const target = remote ? "--remote" : "--local";
  return new Promise((resolve, reject) => {
    const child = spawn("wrangler", ["d1", "execute", "DB", target, "--json", "--command", command], {
      env: offlineEnv,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`wrangler d1 execute exited ${code}`));
      try {
        resolve(JSON.parse(out).flatMap((result) => result.results ?? []));
      } catch {
        reject(new Error(`Unexpected wrangler output: ${out.slice(0, 500)}`));
      }
    });
  });
}

const now = Date.now();
const users = `SELECT id FROM users WHERE phone_e164 = '${e164}'`;
const [user] = await d1(users);
if (!user) fail(`No account has the number ${e164}: sign up first (POST /v1/users), then run this again.`);
await d1(
  `INSERT INTO moderation_audit (actor, action, target_type, target_id, subject_user_id, details, created_at)
     SELECT 'cli', 'role.grant', 'user', id, id, '{"role":"admin","via":"npm run admin:grant"}', ${now} FROM users
     WHERE phone_e164 = '${e164}' AND NOT EXISTS (SELECT 1 FROM staff_roles WHERE user_id = users.id AND role = 'admin');
   INSERT INTO staff_roles (user_id, role, regions, languages, granted_by, granted_at)
     SELECT id, 'admin', '[]', '[]', NULL, ${now} FROM users WHERE phone_e164 = '${e164}'
     ON CONFLICT (user_id, role) DO NOTHING;`,
);
console.log(`${e164} (user ${user.id}) is an admin${remote ? " in the deployment" : " in the local database"}.`);

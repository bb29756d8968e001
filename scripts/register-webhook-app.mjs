// Registers an external app in the local D1 (what POST /v1/admin/webhook-apps does,
// for when no admin account exists yet) and prints its signing secret once.
//
//   npm run webhooks:register-app -- potato-migrator \
//     --incoming content.import,moderation.verdict \
//     --subscribe http://127.0.0.1:9000/hook=note.created,comment.created
//
// The secret is stored encrypted (AES-256-GCM, the app id as additional data), with
// the same key `npm start` gives the worker (scripts/webhook-secrets-key.mjs).
import { randomBytes, webcrypto } from "node:crypto";
import { parseArgs } from "node:util";
import { localWebhookKey } from "./webhook-secrets-key.mjs";
import { wrangler } from "./wrangler.mjs";

const INCOMING = ["moderation.verdict", "content.import"];
const OUTGOING = ["note.created", "note.deleted", "comment.created", "cat_tax.stamped", "report.resolved"];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { incoming: { type: "string", default: "" }, subscribe: { type: "string", multiple: true, default: [] }, description: { type: "string", default: "" } },
});
const name = positionals[0];
if (!name || !/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/.test(name)) {
  console.error("Usage: npm run webhooks:register-app -- <name> [--incoming a,b] [--subscribe <url>=<event,event>]…");
  process.exit(1);
}
const incoming = values.incoming ? values.incoming.split(",") : [];
for (const type of incoming) if (!INCOMING.includes(type)) throw new Error(`Unknown incoming event type ${type}`);

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
function ulid(now = Date.now()) {
  let time = "";
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  return time + [...randomBytes(16)].map((b) => CROCKFORD[b % 32]).join("");
}
const b64url = (bytes) => Buffer.from(bytes).toString("base64url");
const quote = (value) => (value === null ? "NULL" : `'${String(value).replaceAll("'", "''")}'`);

const now = Date.now();
const appId = ulid(now);
const secret = `whsec_${randomBytes(32).toString("base64")}`;
const key = await webcrypto.subtle.importKey("raw", Buffer.from(localWebhookKey(), "base64url"), "AES-GCM", false, ["encrypt"]);
const iv = randomBytes(12);
const sealed = await webcrypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: new TextEncoder().encode(appId) }, key, new TextEncoder().encode(secret));
const ciphertext = `v1.${b64url(iv)}.${b64url(new Uint8Array(sealed))}`;

const statements = [
  `INSERT INTO webhook_apps (id, name, description, incoming_events, created_by, created_at) VALUES (${quote(appId)}, ${quote(name)}, ${quote(values.description)}, ${quote(JSON.stringify(incoming))}, NULL, ${now})`,
  `INSERT INTO webhook_app_secrets (id, app_id, ciphertext, created_at) VALUES (${quote(ulid(now))}, ${quote(appId)}, ${quote(ciphertext)}, ${now})`,
  ...values.subscribe.map((entry) => {
    const at = entry.lastIndexOf("=");
    const url = new URL(entry.slice(0, at)).href;
    const events = entry.slice(at + 1).split(",");
    for (const type of events) if (!OUTGOING.includes(type)) throw new Error(`Unknown outgoing event type ${type}`);
    return `INSERT INTO webhook_subscriptions (id, app_id, url, event_types, created_at) VALUES (${quote(ulid(now))}, ${quote(appId)}, ${quote(url)}, ${quote(JSON.stringify(events))}, ${now})`;
  }),
];
await wrangler(["d1", "execute", "DB", "--local", "--command", statements.join("; ")], { stdio: ["ignore", "ignore", "inherit"] });
console.log(`Registered ${name}: it sends to POST /v1/webhooks/${name}.`);
console.log(`Signing secret (shown once, keep it in the app): ${secret}`);

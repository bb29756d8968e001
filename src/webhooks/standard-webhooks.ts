/*
 * Standard Webhooks (standardwebhooks.com) signatures, both ways: HMAC-SHA256 over
 * `${webhook-id}.${webhook-timestamp}.` followed by the body's raw bytes, base64,
 * sent as space-separated "v1,<signature>" entries (one per active secret).
 */

export const SECRET_PREFIX = "whsec_";
/** Timestamps more than this far from now, either way, are refused. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

const encoder = new TextEncoder();

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/** A new signing secret: "whsec_" and 32 random bytes in base64. */
export const newSigningSecret = () => SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(32)));

function secretKeyBytes(secret: string): Uint8Array {
  const bytes = fromBase64(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);
  if (!bytes || bytes.length === 0) throw new Error("Malformed signing secret");
  return bytes;
}

async function hmac(secret: string, id: string, timestamp: string, body: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", secretKeyBytes(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, signed));
}

/** The `webhook-signature` header value for a body, signed with every given secret. */
export async function signatureHeader(secrets: string[], id: string, timestamp: number, body: Uint8Array): Promise<string> {
  const signatures = await Promise.all(secrets.map((secret) => hmac(secret, id, String(timestamp), body)));
  return signatures.map((signature) => `v1,${toBase64(signature)}`).join(" ");
}

export type SignatureHeaders = { id?: string | null; timestamp?: string | null; signature?: string | null };

export type Verification = { ok: true } | { ok: false; message: string };

/**
 * Checks a delivery's headers against any of the app's secrets: any one valid
 * `v1` signature is enough. Comparison is constant-time.
 */
export async function verifySignature(
  secrets: string[],
  headers: SignatureHeaders,
  body: Uint8Array,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<Verification> {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) {
    return { ok: false, message: "Missing webhook-id, webhook-timestamp or webhook-signature header" };
  }
  if (!/^[\x21-\x7e]{1,255}$/.test(id)) return { ok: false, message: "webhook-id must be 1-255 visible ASCII characters" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, message: "webhook-timestamp must be whole seconds since the epoch" };
  if (Math.abs(nowSeconds - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) {
    return { ok: false, message: "webhook-timestamp is more than 5 minutes from now: sign each attempt afresh" };
  }
  const offered = signature
    .split(" ")
    .map((entry) => entry.split(","))
    .filter(([version, value]) => version === "v1" && value)
    .map(([, value]) => fromBase64(value!))
    .filter((bytes): bytes is Uint8Array => bytes !== null && bytes.length === 32);
  for (const secret of secrets) {
    const expected = await hmac(secret, id, timestamp, body);
    // Every offered signature is compared, so timing says nothing about which matched.
    let matched = false;
    for (const candidate of offered) matched = crypto.subtle.timingSafeEqual(candidate, expected) || matched;
    if (matched) return { ok: true };
  }
  return { ok: false, message: "No valid v1 signature for this app" };
}

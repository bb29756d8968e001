import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";

/*
 * Apps' signing secrets are kept in D1 only encrypted: AES-256-GCM with a key
 * from the WEBHOOK_SECRETS_KEY Workers secret (32 bytes, base64), the app's id as
 * additional data so a ciphertext can't be moved to another app.
 */

export type SecretsEnv = Env & { WEBHOOK_SECRETS_KEY?: string };

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
const fromB64url = (text: string) =>
  Uint8Array.from(atob(text.replaceAll("-", "+").replaceAll("_", "/")), (ch) => ch.charCodeAt(0));

function encryptionKey(env: SecretsEnv): Promise<CryptoKey> {
  const material = env.WEBHOOK_SECRETS_KEY;
  let raw: Uint8Array | null = null;
  try {
    raw = material ? fromB64url(material.trim()) : null;
  } catch {
    raw = null;
  }
  if (!material || raw?.length !== 32) {
    console.error(JSON.stringify({ level: "error", message: "WEBHOOK_SECRETS_KEY is missing or not 32 bytes of base64" }));
    throw new ApiError("service_unavailable", t("webhooks.notConfigured"), { headers: { "Retry-After": "60" } });
  }
  let key = keys.get(material);
  if (!key) {
    key = crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
    keys.set(material, key);
  }
  return key;
}

export async function encryptSecret(env: SecretsEnv, appId: string, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(appId) },
    await encryptionKey(env),
    encoder.encode(secret),
  );
  return `v1.${b64url(iv)}.${b64url(new Uint8Array(sealed))}`;
}

export async function decryptSecret(env: SecretsEnv, appId: string, ciphertext: string): Promise<string> {
  const [version, iv, sealed] = ciphertext.split(".");
  if (version !== "v1" || !iv || !sealed) throw new Error("Unknown secret format");
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromB64url(iv), additionalData: encoder.encode(appId) },
    await encryptionKey(env),
    fromB64url(sealed),
  );
  return new TextDecoder().decode(plain);
}

export const decryptSecrets = (env: SecretsEnv, appId: string, ciphertexts: string[]) =>
  Promise.all(ciphertexts.map((ciphertext) => decryptSecret(env, appId, ciphertext)));

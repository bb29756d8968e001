/*
 * SSRF guard for subscription targets. In production a target must be an https
 * URL on a public host: no loopback, private, link-local, shared, multicast,
 * documentation or cloud-metadata addresses, however they are written. The URL
 * parser already turns decimal (2130706433), octal (0177.0.0.1) and hex (0x7f.1)
 * IPv4 into dotted form, so the checks below see one spelling. Redirects are
 * never followed (deliveries use redirect: "manual"), so a public host can't
 * bounce a delivery to a private one.
 */

export type TargetCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** `npm start` may target loopback and plain http (it sets the var); never production. */
export const allowsPrivateTargets = (env: { ENVIRONMENT?: string; WEBHOOKS_ALLOW_PRIVATE_TARGETS?: string }) =>
  env.ENVIRONMENT !== "production" && env.WEBHOOKS_ALLOW_PRIVATE_TARGETS === "true";

// [first address, prefix length] of every IPv4 range that is not the public internet.
const PRIVATE_V4: [string, number][] = [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16],
  ["172.16.0.0", 12], ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16],
  ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
];

const v4ToInt = (address: string) => address.split(".").reduce((n, part) => n * 256 + Number(part), 0);

function isPrivateV4(address: string): boolean {
  const value = v4ToInt(address);
  return PRIVATE_V4.some(([base, bits]) => Math.floor(value / 2 ** (32 - bits)) === Math.floor(v4ToInt(base) / 2 ** (32 - bits)));
}

/** Eight 16-bit groups of an IPv6 address as the URL parser prints it (compressed, hex, no brackets). */
function v6Groups(address: string): number[] | null {
  const [head, tail] = address.split("::") as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  if (tail === undefined) return left.length === 8 ? left : null;
  return [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
}

function isPrivateV6(address: string): boolean {
  const g = v6Groups(address);
  if (!g || g.some((n) => Number.isNaN(n))) return true;
  const embeddedV4 = `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
  const zerosBefore = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zerosBefore(8)) return true; // ::
  if (zerosBefore(7) && g[7] === 1) return true; // ::1
  if (zerosBefore(5) && g[5] === 0xffff) return true; // ::ffff:a.b.c.d, IPv4-mapped: never a real public target
  if (zerosBefore(6)) return true; // ::a.b.c.d, IPv4-compatible (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b) return isPrivateV4(embeddedV4); // NAT64
  if ((g[0]! & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((g[0]! & 0xffc0) === 0xfe80 || (g[0]! & 0xffc0) === 0xfec0) return true; // link-local, site-local
  if ((g[0]! & 0xff00) === 0xff00) return true; // multicast
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true; // documentation
  if (g[0] === 0x2002) return isPrivateV4(`${g[1]! >> 8}.${g[1]! & 255}.${g[2]! >> 8}.${g[2]! & 255}`); // 6to4
  return false;
}

const PRIVATE_NAME_SUFFIXES = [".localhost", ".local", ".internal", ".intranet", ".lan", ".home.arpa", ".corp", ".private"];

export function checkTarget(raw: string, allowPrivate: boolean): TargetCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "Not a URL" };
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) {
    return { ok: false, reason: "Targets must be https URLs" };
  }
  if (url.username || url.password) return { ok: false, reason: "Targets may not carry credentials in the URL" };
  if (allowPrivate) return { ok: true, url };

  const host = url.hostname.toLowerCase().replace(/\.+$/, "");
  if (host.startsWith("[")) {
    return isPrivateV6(host.slice(1, -1)) ? { ok: false, reason: "Targets must be public addresses" } : { ok: true, url };
  }
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    return isPrivateV4(host) ? { ok: false, reason: "Targets must be public addresses" } : { ok: true, url };
  }
  if (!host.includes(".") || host === "localhost" || PRIVATE_NAME_SUFFIXES.some((suffix) => `.${host}`.endsWith(suffix))) {
    return { ok: false, reason: "Targets must be public host names" };
  }
  return { ok: true, url };
}

import { describe, expect, it } from "vitest";
import { allowsPrivateTargets, checkTarget } from "../src/webhooks/outgoing/target-guard";
import { api, expectError } from "./helpers";
import { createAdmin, registerApp, uniqueAppName } from "./webhook-helpers";

const refused: [string, string][] = [
  ["http://hooks.example.com/x", "plain http"],
  ["ftp://hooks.example.com/x", "not http"],
  ["https://127.0.0.1/hook", "loopback"],
  ["https://127.1/hook", "short loopback"],
  ["https://2130706433/hook", "decimal loopback"],
  ["https://0x7f000001/hook", "hex loopback"],
  ["https://0x7f.0.0.1/hook", "hex octet"],
  ["https://0177.0.0.1/hook", "octal loopback"],
  ["https://017700000001/hook", "octal number"],
  ["https://0/hook", "0.0.0.0"],
  ["https://10.1.2.3/", "private 10/8"],
  ["https://172.16.5.4/", "private 172.16/12"],
  ["https://172.31.255.255/", "end of 172.16/12"],
  ["https://192.168.0.1/", "private 192.168/16"],
  ["https://100.64.0.1/", "carrier-grade NAT"],
  ["https://169.254.169.254/latest/meta-data/", "cloud metadata"],
  ["https://2852039166/latest/meta-data/", "metadata as a decimal"],
  ["https://224.0.0.1/", "multicast"],
  ["https://255.255.255.255/", "broadcast"],
  ["https://[::1]/", "IPv6 loopback"],
  ["https://[::]/", "IPv6 unspecified"],
  ["https://[::ffff:127.0.0.1]/", "IPv6-mapped loopback"],
  ["https://[::ffff:169.254.169.254]/", "IPv6-mapped metadata"],
  ["https://[0:0:0:0:0:ffff:a00:1]/", "IPv6-mapped 10.0.0.1, written out"],
  ["https://[::127.0.0.1]/", "IPv4-compatible"],
  ["https://[64:ff9b::a00:1]/", "NAT64 of a private address"],
  ["https://[fe80::1]/", "link-local"],
  ["https://[fd12:3456::1]/", "unique local"],
  ["https://[ff02::1]/", "multicast"],
  ["https://localhost/", "localhost"],
  ["https://localhost./", "localhost with a trailing dot"],
  ["https://LOCALHOST:8443/", "upper-case localhost"],
  ["https://api.localhost/", "a .localhost name"],
  ["https://metadata.google.internal/computeMetadata/v1/", "metadata name"],
  ["https://printer.local/", "mDNS name"],
  ["https://intranet/", "single-label name"],
  ["https://user:secret@hooks.example.com/", "credentials in the URL"],
  ["not a url", "garbage"],
];

const allowed = [
  "https://hooks.example.com/notebridge",
  "https://hooks.example.com:8443/notebridge",
  "https://example.com./hook",
  "https://93.184.216.34/hook",
  "https://172.32.0.1/hook",
  "https://[2606:4700:4700::1111]/hook",
];

describe("the SSRF guard for subscription targets", () => {
  it.each(refused)("refuses %s (%s)", (url) => {
    expect(checkTarget(url, false).ok).toBe(false);
  });

  it.each(allowed)("accepts %s", (url) => {
    expect(checkTarget(url, false)).toMatchObject({ ok: true });
  });

  it("allows loopback and http only when explicitly set, and never in production", () => {
    expect(checkTarget("http://127.0.0.1:9000/hook", true).ok).toBe(true);
    expect(checkTarget("ftp://127.0.0.1/hook", true).ok).toBe(false);
    expect(allowsPrivateTargets({ ENVIRONMENT: "development", WEBHOOKS_ALLOW_PRIVATE_TARGETS: "true" })).toBe(true);
    expect(allowsPrivateTargets({ ENVIRONMENT: "production", WEBHOOKS_ALLOW_PRIVATE_TARGETS: "true" })).toBe(false);
    expect(allowsPrivateTargets({ ENVIRONMENT: "development" })).toBe(false);
  });

  it("is applied when admins register targets, naming the field", async () => {
    const admin = await createAdmin();
    const created = await api("POST", "/v1/admin/webhook-apps", {
      token: admin.token,
      body: {
        name: uniqueAppName(),
        subscriptions: [
          { url: "https://hooks.example.com/ok", events: ["note.created"] },
          { url: "https://[::ffff:169.254.169.254]/", events: ["note.created"] },
        ],
      },
    });
    expect(expectError(created, 400, "validation_failed").details).toEqual([
      { field: "subscriptions.1.url", location: "body", message: "Targets must be public addresses" },
    ]);
    const app = await registerApp(admin);
    const added = await api("POST", `/v1/admin/webhook-apps/${app.name}/subscriptions`, {
      token: admin.token,
      body: { url: "https://localhost./hook", events: ["comment.created"] },
    });
    expect(expectError(added, 400, "validation_failed").details![0]!.field).toBe("url");
    const ok = await api("POST", `/v1/admin/webhook-apps/${app.name}/subscriptions`, {
      token: admin.token,
      body: { url: "https://hooks.example.com/comments", events: ["comment.created"] },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: "active", events: ["comment.created"] });
  });
});

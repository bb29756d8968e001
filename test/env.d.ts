declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** test/fixtures/* as base64, by file name. */
    MEDIA_FIXTURES: Record<string, string>;
  }
}

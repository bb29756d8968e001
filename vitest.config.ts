import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { readMediaFixtures } from "./test/media-fixtures.mjs";

const MEDIA_FIXTURES = readMediaFixtures();

// External translation engines are configured only for their own test file, whose
// requests to them are answered at the fetch boundary (test/fake-providers.ts).
const ENGINE_TESTS = "test/translation-engines.test.ts";

// Test requests come from no address unless they send CF-Connecting-IP, so they would
// all share one per-IP budget (and queue at its one limiter): the per-IP budgets of
// signed-in writes are left out here. Per-account budgets, and the per-IP ones of
// sign-up, sign-in, translation and live threads, stay at the production defaults
// in wrangler.toml, which the tests rely on.
const TEST_LIMITS = {
  RATE_LIMIT_POST: "user=30/60",
  RATE_LIMIT_COMMENT: "user=120/60",
  RATE_LIMIT_REACT: "user=300/60",
  RATE_LIMIT_FOLLOW: "user=60/60",
  RATE_LIMIT_REPORT: "user=20/3600",
};
// A test-only key for webhook apps' encrypted signing secrets (production's is a Workers
// secret). WEBHOOKS_ALLOW_PRIVATE_TARGETS stays unset: tests target public-looking hosts.
const WEBHOOK_TEST_BINDINGS = { WEBHOOK_SECRETS_KEY: "dGVzdC1vbmx5LXdlYmhvb2stc2VjcmV0cy1rZXktMzI" };

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  const workers = (name: string, include: string[], exclude: string[], bindings: Record<string, unknown>) => ({
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, MEDIA_FIXTURES, ...TEST_LIMITS, ...WEBHOOK_TEST_BINDINGS, ...bindings },
        },
      }),
    ],
    // Two cores run every test file at once here: allow slow moments, not slow code.
    test: { name, include, exclude, setupFiles: ["./test/setup.ts"], testTimeout: 20_000 },
  });
  return {
    test: {
      projects: [
        // Upload limits small enough for a test to reach; feeds read the candidate pool fresh, so a note
        // posted one line earlier is a candidate. COUNT_ROUND_TRIPS: every answer carries X-Round-Trips
        // (src/lib/instrumentation.ts), for test/round-trips.test.ts.
        workers("api", ["test/**/*.test.ts"], [ENGINE_TESTS], {
          MEDIA_UPLOADS_PER_HOUR: "6",
          MEDIA_BYTES_PER_USER: "400000",
          MEDIA_STREAM_VIDEOS_OVER_BYTES: "100000", // so a test's 250 KB video takes the streaming path
          COUNT_ROUND_TRIPS: "1",
          FEED_POOL_TTL_MS: "0",
        }),
        workers("engines", [ENGINE_TESTS], [], {
          TRANSLATION_ENGINES: "deepl,libretranslate,cedict-dictionary",
          DEEPL_API_KEY: "test-deepl-key:fx",
          LIBRETRANSLATE_URL: "https://libretranslate.test",
          TRANSLATION_TIMEOUT_MS: "300",
        }),
      ],
    },
  };
});

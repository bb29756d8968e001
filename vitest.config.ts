import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// External translation engines are configured only for their own test file, whose
// requests to them are answered at the fetch boundary (test/fake-providers.ts).
const ENGINE_TESTS = "test/translation-engines.test.ts";

// A test-only key for webhook apps' encrypted signing secrets (production's is a Workers
// secret). WEBHOOKS_ALLOW_PRIVATE_TARGETS stays unset: tests target public-looking hosts.
const WEBHOOK_TEST_BINDINGS = { WEBHOOK_SECRETS_KEY: "dGVzdC1vbmx5LXdlYmhvb2stc2VjcmV0cy1rZXktMzI" };

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  const workers = (name: string, include: string[], exclude: string[], bindings: Record<string, unknown>) => ({
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: { bindings: { TEST_MIGRATIONS: migrations, ...WEBHOOK_TEST_BINDINGS, ...bindings } },
      }),
    ],
    // Two cores run every test file at once here: allow slow moments, not slow code.
    test: { name, include, exclude, setupFiles: ["./test/setup.ts"], testTimeout: 20_000 },
  });
  return {
    test: {
      projects: [
        workers("api", ["test/**/*.test.ts"], [ENGINE_TESTS], {}),
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

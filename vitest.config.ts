import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// External translation engines are configured only for their own test file, whose
// requests to them are answered at the fetch boundary (test/fake-providers.ts).
const ENGINE_TESTS = "test/translation-engines.test.ts";

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  const workers = (name: string, include: string[], exclude: string[], bindings: Record<string, unknown>) => ({
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: { bindings: { TEST_MIGRATIONS: migrations, ...bindings } },
      }),
    ],
    // Two cores run every test file at once here: allow slow moments, not slow code.
    test: { name, include, exclude, setupFiles: ["./test/setup.ts"], testTimeout: 20_000 },
  });
  return {
    test: {
      projects: [
        // Feeds read the candidate pool fresh in tests, so a note posted one line earlier is a candidate.
        workers("api", ["test/**/*.test.ts"], [ENGINE_TESTS], { FEED_POOL_TTL_MS: "0" }),
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

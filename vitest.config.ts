import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { readMediaFixtures } from "./test/media-fixtures.mjs";

const MEDIA_FIXTURES = readMediaFixtures();

// External translation engines are configured only for their own test file, whose
// requests to them are answered at the fetch boundary (test/fake-providers.ts).
const ENGINE_TESTS = "test/translation-engines.test.ts";

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  const workers = (name: string, include: string[], exclude: string[], bindings: Record<string, unknown>) => ({
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: { bindings: { TEST_MIGRATIONS: migrations, MEDIA_FIXTURES, ...bindings } },
      }),
    ],
    // Two cores run every test file at once here: allow slow moments, not slow code.
    test: { name, include, exclude, setupFiles: ["./test/setup.ts"], testTimeout: 20_000 },
  });
  return {
    test: {
      projects: [
        // Upload limits small enough for a test to reach; feeds read the candidate pool
        // fresh, so a note posted one line earlier is a candidate.
        workers("api", ["test/**/*.test.ts"], [ENGINE_TESTS], {
          MEDIA_UPLOADS_PER_HOUR: "6",
          MEDIA_BYTES_PER_USER: "400000",
          MEDIA_STREAM_VIDEOS_OVER_BYTES: "100000", // so a test's 250 KB video takes the streaming path
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

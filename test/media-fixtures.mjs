// Read in Node by vitest.config.ts: test/fixtures/* as base64 by file name, handed to
// the tests inside workerd as a binding (workerd has no file system).
import { readdirSync, readFileSync } from "node:fs";

export const readMediaFixtures = () =>
  Object.fromEntries(
    readdirSync(new URL("./fixtures/", import.meta.url)).map((name) => [
      name,
      readFileSync(new URL(`./fixtures/${name}`, import.meta.url)).toString("base64"),
    ]),
  );

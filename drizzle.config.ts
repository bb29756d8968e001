import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates SQL (`npm run db:generate`); wrangler and the tests apply it.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema/*.ts",
  out: "./migrations",
});

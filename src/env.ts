import type { Db } from "./db/client";
import type { IdempotencyClaim } from "./lib/create-once";
import type { Locale } from "./lib/i18n";
import type { PolicyState } from "./lib/rate-limit";

/** The signed-in user a request acts as, resolved from its bearer token. */
export type Viewer = {
  id: string;
  sessionId: string;
  /** Profile setting; null picks by country (src/media/view.ts). */
  imageQuality: "low" | "original" | null;
  /** Where they last signed in or edited their profile from. */
  ipCountry: string | null;
};

export type AppEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    /** The language of the texts the API writes itself, from Accept-Language. */
    locale: Locale;
    db: Db;
    /** This request's D1 session, for the few queries written as raw SQL (search, upload quotas); `db` wraps it. */
    d1: D1Database;
    viewer: Viewer | null;
    /** The Idempotency-Key of a create that keeps it in its own write batch (src/lib/create-once.ts). */
    idempotency: IdempotencyClaim | undefined;
    /** Budgets this request was charged, for the RateLimit headers. */
    rateLimits?: PolicyState[];
  };
};

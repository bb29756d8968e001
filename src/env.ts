import type { Db } from "./db/client";
import type { PolicyState } from "./lib/rate-limit";

/** The signed-in user a request acts as, resolved from its bearer token. */
export type Viewer = { id: string; sessionId: string };

export type AppEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    db: Db;
    viewer: Viewer | null;
    /** Budgets this request was charged, for the RateLimit headers. */
    rateLimits?: PolicyState[];
  };
};

import type { Db } from "./db/client";
import type { Locale } from "./lib/i18n";

/** The signed-in user a request acts as, resolved from its bearer token. */
export type Viewer = { id: string; sessionId: string };

export type AppEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    /** The language of the texts the API writes itself, from Accept-Language. */
    locale: Locale;
    db: Db;
    viewer: Viewer | null;
  };
};

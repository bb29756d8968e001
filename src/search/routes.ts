import { createRoute } from "@hono/zod-openapi";
import { optionalBearerSecurity } from "../lib/auth";
import { limit } from "../lib/rate-limit";
import { errorResponses } from "../lib/errors";
import { jsonResponse } from "../lib/openapi";
import { SearchQuerySchema, SearchResultsSchema } from "./schemas";

export const searchRoute = createRoute({
  method: "get",
  path: "/v1/search",
  operationId: "searchContent",
  tags: ["Search"],
  summary: "Full-text search over notes, people and topics",
  description: [
    "Finds notes by words in their title, body, topics or place; people by nickname; topics by name.",
    "Chinese needs no spaces: `猫` finds notes with `猫咪`, and Simplified finds Traditional (`猫咪` finds `貓咪`). English ignores case and simple plurals (`Cats` finds `cat`).",
    "Every word must match. Punctuation and search operators in `q` are treated as text, never as syntax.",
    "A query matching more than 1,000 notes ranks its newest 1,000.",
    "Deleted notes are never found; hidden notes and people you blocked or muted (or who blocked you) are left out.",
    "When the query names a glossary term (`躺平`, `yyds`), the term comes back in `glossary`.",
    "120 searches a minute per person (per IP address when signed out).",
  ].join(" "),
  security: optionalBearerSecurity,
  middleware: [limit("search")] as const,
  request: { query: SearchQuerySchema },
  responses: {
    200: jsonResponse(SearchResultsSchema, "Best match first, then newest"),
    ...errorResponses(400, 401, 429),
  },
});

import type { Db } from "../db/client";
import { exportSections } from "./store";
import { EXPORT_PAGE, type Row } from "./paging";


/**
 * The export as a stream of JSON text: the account, then each section's rows a
 * page at a time, so the document is never held in memory whole.
 */
export function exportStream(db: Db, userId: string, sessionId: string, account: Row): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  async function* pieces(): AsyncGenerator<string> {
    yield `{"format":"notebridge-export/1","exportedAt":${JSON.stringify(new Date().toISOString())},"account":${JSON.stringify(account)}`;
    for (const section of exportSections(db, userId, sessionId)) {
      yield `,${JSON.stringify(section.name)}:[`;
      let key: string | null = null;
      let first = true;
      for (;;) {
        const rows = await section.read(key);
        if (rows.length > 0) {
          yield (first ? "" : ",") + rows.map((row) => JSON.stringify(row.item)).join(",");
          first = false;
          key = rows.at(-1)!.key;
        }
        if (rows.length < EXPORT_PAGE) break;
      }
      yield "]";
    }
    yield "}\n";
  }
  const iterator = pieces();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        console.error(JSON.stringify({ level: "error", event: "export_failed", error: String(error) }));
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}

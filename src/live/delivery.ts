import type { ThreadTranslator } from "./translations";

function sendTo(socket: WebSocket, message: string) {
  try {
    socket.send(message);
  } catch {
    // Closed meanwhile: its close handler does the bookkeeping.
  }
}

/**
 * Sends a thread's messages in order. Sockets without a language get them at
 * once; sockets reading in a language get them through that language's queue,
 * each message after its translations (bounded wait), so order holds per socket
 * and one slow translation never reorders or stalls other languages.
 */
export class Delivery {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly translator: ThreadTranslator) {}

  send(sockets: WebSocket[], language: string | null, messages: string[]) {
    if (language === null) {
      for (const message of messages) for (const socket of sockets) sendTo(socket, message);
      return;
    }
    const translated = messages.map((message) => this.translator.annotate(message, language));
    const queued = (this.queues.get(language) ?? Promise.resolve())
      .then(async () => {
        for (const message of translated) {
          const text = await message;
          for (const socket of sockets) sendTo(socket, text);
        }
      })
      .catch((error) => console.error(JSON.stringify({ level: "error", event: "thread_delivery_failed", error: String(error) })));
    this.queues.set(language, queued);
    void queued.then(() => {
      if (this.queues.get(language) === queued) this.queues.delete(language);
    });
  }
}

// Baseline for bench/live.mjs. Room: a bare broadcast to hibernatable
// WebSockets (what a live thread does minus D1, the outbox and its log).
// Counter: a trivial Durable Object call that makes one durable write
// (what stamping a receipt does minus D1 and its checks).
import { DurableObject } from "cloudflare:workers";

export class Room extends DurableObject {
  async fetch(request) {
    if (new URL(request.url).pathname === "/ws") {
      const { 0: client, 1: server } = new WebSocketPair();
      this.ctx.acceptWebSocket(server);
      server.send('{"type":"ready"}');
      return new Response(null, { status: 101, webSocket: client });
    }
    const message = await request.text();
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.send(message);
      } catch {
        // closed meanwhile
      }
    }
    return new Response(null, { status: 204 });
  }

  async webSocketClose(socket, code, reason) {
    try {
      socket.close([1005, 1006, 1015].includes(code) ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }
}

export class Counter extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
  }

  increment() {
    return this.ctx.storage.sql
      .exec("INSERT INTO counter (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = n + 1 RETURNING n")
      .one().n;
  }
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname === "/health") return Response.json({ status: "ok" });
    if (pathname === "/room/ws") return env.ROOM.getByName("bench").fetch("https://room/ws", request);
    if (pathname === "/room/broadcast") return env.ROOM.getByName("bench").fetch("https://room/broadcast", request);
    if (pathname === "/counter") return Response.json({ n: await env.COUNTER.getByName("bench").increment() }, { status: 201 });
    return new Response("not found", { status: 404 });
  },
};

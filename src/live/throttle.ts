/**
 * Sends the latest value of some state at most once per interval: the first
 * change goes out at once, later ones are folded into the next send, and an
 * unchanged value is not sent again.
 */
export class Throttled<T> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sentAt = 0;
  private lastSent: string | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly current: () => T,
    private readonly send: (value: T) => void,
  ) {}

  changed() {
    if (this.timer !== null) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.sentAt = Date.now();
        const value = this.current();
        const key = JSON.stringify(value);
        if (key === this.lastSent) return;
        this.lastSent = key;
        this.send(value);
      },
      Math.max(0, this.sentAt + this.intervalMs - Date.now()),
    );
  }
}

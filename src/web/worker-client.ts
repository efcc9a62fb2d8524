/**
 * The page's side of the worker: starts it from the worker bundle's source, inlined in the page at
 * build time, through a Blob URL (a worker from a file: URL is refused, and nothing is fetched);
 * requests and their answers matched by number; cancel by ending the worker (a new one starts on
 * the next request). Workbook bytes are transferred, not copied.
 */
import type { FromWorker, ToWorker } from "./protocol";

declare const __CHECKER_WORKER__: string;

/** A request as sent, without its number. */
type Request = ToWorker extends infer T ? (T extends { req: number } ? Omit<T, "req"> : never) : never;

export class WorkerFailed extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "WorkerFailed";
  }
}

export class CheckerWorker {
  private worker: Worker | undefined;
  private url: string | undefined;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (m: FromWorker) => void; reject: (e: Error) => void }>();

  private start(): Worker {
    if (this.worker) return this.worker;
    this.url = URL.createObjectURL(new Blob([__CHECKER_WORKER__], { type: "text/javascript" }));
    const w = new Worker(this.url);
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const p = this.pending.get(e.data.req);
      if (!p) return;
      this.pending.delete(e.data.req);
      if (e.data.type === "failed") p.reject(new WorkerFailed(e.data.zh, e.data.en));
      else p.resolve(e.data);
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(e.message || "worker error");
    };
    this.worker = w;
    return w;
  }

  /** Send a request; `transfer` lists the buffers handed over (they are emptied on this side). */
  request(msg: Request, transfer: Transferable[] = []): Promise<FromWorker> {
    const worker = this.start();
    const req = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(req, { resolve, reject });
      worker.postMessage({ ...msg, req } as ToWorker, transfer);
    });
  }

  /** End the worker now (cancel): pending requests are rejected with `reason`; what it kept is gone. */
  stop(reason = "stopped"): void {
    this.fail(reason);
  }

  private fail(reason: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = undefined;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(new Error(reason));
  }
}

// Forked child processes (server, load generator) with a request/response channel over IPC.
import { type ChildProcess, fork } from 'node:child_process';

export class Child<Req, Res> {
  readonly proc: ChildProcess;
  private readonly first: Promise<Res>;
  private waiting: ((m: Res) => void) | undefined;
  private chain: Promise<unknown>;
  private exited = false;

  constructor(file: URL, opts: { env?: Record<string, string>; execArgv?: string[] } = {}) {
    this.proc = fork(file, [], {
      execArgv: opts.execArgv ?? [],
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    let onExit: (e: Error) => void = () => {};
    this.first = new Promise<Res>((resolve, reject) => {
      this.waiting = resolve;
      onExit = reject;
    });
    this.chain = this.first.catch(() => {});
    this.proc.on('message', (m) => {
      const w = this.waiting;
      this.waiting = undefined;
      w?.(m as Res);
    });
    this.proc.once('exit', (code, signal) => {
      this.exited = true;
      onExit(new Error(`${file.pathname} exited (${code ?? signal}) before it was ready`));
      this.fail?.(new Error(`${file.pathname} exited (${code ?? signal})`));
    });
  }

  private fail: ((e: Error) => void) | undefined;

  /** The first message the child sends (its ready message). */
  ready(): Promise<Res> {
    return this.first;
  }

  /** One request, one response; requests are serialized. */
  request<R extends Res = Res>(m: Req): Promise<R> {
    const next = this.chain.then(
      () =>
        new Promise<R>((resolve, reject) => {
          if (this.exited) {
            reject(new Error('child has exited'));
            return;
          }
          this.fail = reject;
          this.waiting = (r) => resolve(r as R);
          this.proc.send(m as object);
        }),
    );
    this.chain = next.catch(() => {});
    return next;
  }

  /** Sends a final message and waits for the process to exit (killing it after `graceMs`). */
  async stop(m: Req, graceMs = 15_000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.proc.send(m as object);
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServiceProcessOptions {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  healthUrl: string;
  /** `inherit` streams the JSON log lines to this terminal; a path appends them to that file. */
  output: 'inherit' | string;
  startTimeoutMs?: number;
}

/** One running service: a child Node process that is ready once its `/health` answers 200. */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private logFile: WriteStream | null = null;
  private recent: string[] = [];

  constructor(readonly options: ServiceProcessOptions) {}

  /** The process id while running (benchmarks read its peak memory from /proc). */
  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const { options } = this;
    const child = spawn(process.execPath, [options.script], { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    if (options.output !== 'inherit') this.logFile = createWriteStream(options.output, { flags: 'a' });
    const onData = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      this.recent = [...this.recent, ...chunk.toString('utf8').split('\n').filter(Boolean)].slice(-30);
      if (this.logFile) this.logFile.write(chunk);
      else stream.write(chunk);
    };
    child.stdout?.on('data', onData(process.stdout));
    child.stderr?.on('data', onData(process.stderr));
    await this.waitUntilHealthy(options.startTimeoutMs ?? 60_000);
  }

  private async waitUntilHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.options.name} exited during start-up:\n${this.recent.join('\n')}`);
      try {
        const response = await fetch(this.options.healthUrl, { signal: AbortSignal.timeout(1000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(150);
    }
    throw new Error(`${this.options.name} did not become healthy within ${timeoutMs} ms:\n${this.recent.join('\n')}`);
  }

  /** SIGTERM (graceful), then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    this.child = null;
    await new Promise<void>((resolve) => (this.logFile ? this.logFile.end(resolve) : resolve()));
    this.logFile = null;
  }

  /** The last lines the service printed (for failure messages). */
  tail(): string {
    return this.recent.join('\n');
  }
}

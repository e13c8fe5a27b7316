/** A miner server process (serve-hostile.ts) and hostile clients against it, for tests and bench/hostile.ts. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Client, credentials, type Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { encodePredictRequest, MINER_SERVICE, MinerClient, requestMetadata, signRequest } from '#protocol';
import { batch, devKeys, IN } from './harness.ts';

const PATH = MINER_SERVICE.Predict.path;

const SCRIPT = new URL('./serve-hostile.ts', import.meta.url).pathname;

export interface ServerProcess {
  port: number;
  pid: number;
  child: ChildProcess;
  /** The server's clock (Date.now, ms) at each token its signature-verification budget granted so far. */
  verifyGrants(): Promise<number[]>;
  stop(): Promise<void>;
}

/** Starts the server process; resolves when it listens (90 s limit: the machine may be loaded). */
export async function startServerProcess(overrides: Record<string, unknown> = {}, fdLimit?: number): Promise<ServerProcess> {
  const args = ['--import', 'tsx', SCRIPT, JSON.stringify(overrides)];
  // `fdLimit`: run under `ulimit -n` (what a small container or a default systemd unit gives a miner).
  const child =
    fdLimit === undefined
      ? spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] })
      : spawn('/bin/sh', ['-c', `ulimit -n ${fdLimit} && exec "$0" "$@"`, process.execPath, ...args], {
          stdio: ['pipe', 'pipe', 'inherit'],
        });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waiting: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout! }).on('line', (l) => waiting.shift()?.(l));
  /** The next line the process prints; `what` names it in the error after `timeoutMs` or on exit. */
  const nextLine = (what: string, timeoutMs: number): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`miner server process: no ${what} within ${timeoutMs / 1000} s`)), timeoutMs);
      waiting.push((l) => {
        clearTimeout(timer);
        resolve(l);
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`miner server process exited before ${what}`));
      });
    });
  const { port, pid } = JSON.parse(await nextLine('listening line', 90_000)) as { port: number; pid: number };
  return {
    port,
    pid,
    child,
    verifyGrants: async () => {
      const answer = nextLine('verify-grants answer', 30_000);
      child.stdin!.write('verify-grants\n');
      return (JSON.parse(await answer) as { verifyGrants: number[] }).verifyGrants;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Resident set size of a process, MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** Samples `rssMiB(pid)` every `everyMs` until stopped; returns the peak. */
export function sampleRss(pid: number, everyMs = 50): { stop(): number } {
  let peak = rssMiB(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMiB(pid));
    } catch {
      /* exited */
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/** A raw unary call on its own connection (one channel per call, as many hostile clients would open). */
export function rawCallOwnChannel(
  address: string,
  path: string,
  body: Buffer,
  md: Metadata,
  deadlineMs = 60_000,
): Promise<ServiceError | Buffer> {
  const c = new Client(address, credentials.createInsecure(), {
    'grpc.max_send_message_length': 64 << 20,
    'grpc.max_receive_message_length': 64 << 20,
    'grpc.use_local_subchannel_pool': 1,
  });
  return new Promise((resolve) => {
    c.makeUnaryRequest(
      path,
      (b: Buffer) => b,
      (b: Buffer) => b,
      body,
      md,
      { deadline: Date.now() + deadlineMs },
      (err, res) => {
        c.close();
        resolve(err ?? res ?? Buffer.alloc(0));
      },
    );
  });
}

/** CPU time (user + system) a process has used, ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Percentile `p` (0..1) of `xs`. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
}

/**
 * `n` forged Predicts naming //Alice (a real, staked validator: well-formed headers, signed by someone else),
 * 32 at a time, against a fresh server process with `overrides`, while //Eve (a legitimate validator) calls in a
 * loop at 4 calls/s. Returns how many forged calls reached signature verification, the server's CPU per forged call and
 * the legitimate caller's p99.
 */
export async function forgedFlood(
  overrides: Record<string, unknown>,
  n: number,
): Promise<{ verified: number; preRefused: number; cpuMsPerCall: number; legitP99: number; legitServed: number }> {
  const keys = await devKeys();
  const server = await startServerProcess(overrides);
  try {
    const address = `127.0.0.1:${server.port}`;
    const body = encodePredictRequest({ competitionId: 'mnist', roundId: 1, input: { dtype: 'float32', shape: [1, IN], data: batch(1) } });
    const forgedMd = (): Metadata =>
      requestMetadata({ ...signRequest(body, keys.charlie, keys.bob.address), signedBy: keys.alice.address });
    const flooder = new Client(address, credentials.createInsecure(), { 'grpc.max_send_message_length': 64 << 20 });
    const legit = new MinerClient({ address, minerHotkey: keys.bob.address, signer: keys.eve, defaultDeadlineMs: 30_000 });
    const call = (): Promise<ServiceError | Buffer> =>
      new Promise((resolve) => {
        flooder.makeUnaryRequest(
          PATH,
          (b: Buffer) => b,
          (b: Buffer) => b,
          body,
          forgedMd(),
          { deadline: Date.now() + 60_000 },
          (err, res) => resolve(err ?? res ?? Buffer.alloc(0)),
        );
      });
    await legit.predict({ competitionId: 'mnist', roundId: 1, input: { dtype: 'float32', shape: [1, IN], data: batch(1) } }); // warm
    const cpu0 = cpuMs(server.pid);
    const codes: number[] = [];
    let next = 0;
    let flooding = true;
    const workers = Array.from({ length: 32 }, async () => {
      while (next < n) {
        next++;
        const r = await call();
        codes.push(Buffer.isBuffer(r) ? 0 : r.code);
      }
    });
    const latencies: number[] = [];
    const legitLoop = (async () => {
      while (flooding) {
        const t0 = performance.now();
        await legit.predict({ competitionId: 'mnist', roundId: 1, input: { dtype: 'float32', shape: [1, IN], data: batch(1) } });
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 250)); // a validator's pace (4/s), under even the test's 5/s budget
      }
    })();
    await Promise.all(workers);
    flooding = false;
    await legitLoop;
    const cpu = cpuMs(server.pid) - cpu0;
    flooder.close();
    legit.close();
    return {
      verified: codes.filter((c) => c === status.UNAUTHENTICATED).length,
      preRefused: codes.filter((c) => c === status.RESOURCE_EXHAUSTED || c === status.UNAVAILABLE).length,
      cpuMsPerCall: cpu / n,
      legitP99: percentile(latencies, 0.99),
      legitServed: latencies.length,
    };
  } finally {
    await server.stop();
  }
}

/** Starts `server-process.ts` as a child process and lets a test wait for its lines and kill it. */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";

export interface ServerProcess {
  readonly address: string;
  /** Resolves when the child prints `line` (now or later). */
  waitFor(line: string): Promise<void>;
  /** SIGKILL, then waits for the process and its pipes to be gone. */
  kill(): Promise<void>;
}

const script = path.join(import.meta.dirname, "server-process.ts");

export async function startServerProcess(): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const seen = new Set<string>(); // distinct lines only: a soak prints "called predict" thousands of times
  const waiters: { matches: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    seen.add(line);
    for (const waiter of waiters.filter((w) => w.matches(line))) waiter.resolve(line);
  });
  const next = (matches: (line: string) => boolean) => {
    const earlier = [...seen].find(matches);
    return earlier !== undefined ? Promise.resolve(earlier) : new Promise<string>((resolve) => waiters.push({ matches, resolve }));
  };
  const exited = once(child, "exit").then(([code, signal]) => {
    throw new Error(`server process exited (${String(code ?? signal)}) before listening`);
  });
  const listening = await Promise.race([next((line) => line.startsWith("listening ")), exited]);
  exited.catch(() => undefined);
  return {
    address: listening.slice("listening ".length),
    waitFor: async (line) => void (await next((l) => l === line)),
    kill: () => killAndWait(child),
  };
}

async function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = once(child, "close"); // exited and its stdio pipes closed
  child.kill("SIGKILL");
  await gone;
}

/**
 * Real Open vSwitch for integration tests, through the tested recipes in ../shared/peers
 * (userspace datapath, hosts in network namespaces, loopback controller).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..', '..');
export const PEERS = resolve(REPO_ROOT, '..', 'shared', 'peers');

/** Why OVS tests cannot run here, or null. In CI (CI=true) a missing OVS is a failure, not a skip. */
export function ovsUnavailable(): string | null {
  const why = !existsSync('/usr/sbin/ovs-vswitchd')
    ? 'openvswitch-switch is not installed'
    : process.getuid?.() !== 0
      ? 'needs root (network namespaces)'
      : !existsSync(join(PEERS, 'ovs-up.sh'))
        ? `no peers scripts at ${PEERS}`
        : null;
  if (why && process.env.CI === 'true') throw new Error(`OVS integration tests cannot run in CI: ${why}`);
  return why;
}

export function sh(cmd: string, env: Record<string, string> = {}): string {
  return execFileSync('bash', ['-c', cmd], { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function trySh(cmd: string, env: Record<string, string> = {}): boolean {
  try {
    sh(cmd, env);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Ovs {
  readonly run: string;
  constructor(readonly ctrlPort: number, readonly nhosts = 3, readonly env: Record<string, string> = {}) {
    this.run = mkdtempSync(join(tmpdir(), 'osken-ovs-'));
  }
  up(): void {
    sh(`bash ${PEERS}/ovs-up.sh ${this.run} ${this.ctrlPort} ${this.nhosts} 1`, this.env);
  }
  down(): void {
    trySh(`bash ${PEERS}/ovs-down.sh ${this.run}`);
  }
  ofctl(args: string): string {
    return sh(`. ${this.run}/env; ovs-ofctl ${args}`);
  }
  vsctl(args: string): string {
    return sh(`. ${this.run}/env; ovs-vsctl ${args}`);
  }
  ping(i: number, j: number): boolean {
    return trySh(`ip netns exec d-h${i} ping -c1 -W1 10.77.0.${j}`);
  }
  /** All ordered pairs; each pair gets a few tries (the first packet of a pair goes through the controller). */
  async pingAll(tries = 3): Promise<string[]> {
    const failed: string[] = [];
    for (let i = 1; i <= this.nhosts; i++) {
      for (let j = 1; j <= this.nhosts; j++) {
        if (i === j) continue;
        let ok = false;
        for (let t = 0; t < tries && !ok; t++) ok = this.ping(i, j);
        if (!ok) failed.push(`h${i}->h${j}`);
      }
    }
    return failed;
  }
}

/** osken-manager as a child process; resolves once it listens. */
export class Manager {
  proc: ChildProcess | null = null;
  output = '';
  constructor(readonly args: string[]) {}
  async start(timeoutMs = 10000): Promise<void> {
    this.output = '';
    const p = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'osken-manager.js'), ...this.args], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = p;
    const onData = (d: Buffer) => (this.output += d.toString());
    p.stdout!.on('data', onData);
    p.stderr!.on('data', onData);
    const t0 = Date.now();
    while (!/listening on .*\(tcp\)/.test(this.output)) {
      if (p.exitCode !== null) throw new Error(`osken-manager exited ${p.exitCode}:\n${this.output}`);
      if (Date.now() - t0 > timeoutMs) throw new Error(`osken-manager did not start:\n${this.output}`);
      await sleep(50);
    }
  }
  /** Wait until the manager's output matches. */
  async waitFor(re: RegExp, timeoutMs = 10000): Promise<void> {
    const t0 = Date.now();
    while (!re.test(this.output)) {
      if (Date.now() - t0 > timeoutMs) throw new Error(`timeout waiting for ${re} in:\n${this.output}`);
      await sleep(50);
    }
  }

  /** SIGTERM and wait; returns the exit code. */
  async stop(timeoutMs = 5000): Promise<number | null> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return p?.exitCode ?? null;
    const done = new Promise<number | null>((r) => p.once('exit', (code) => r(code)));
    p.kill('SIGTERM');
    const code = await Promise.race([done, sleep(timeoutMs).then(() => 'timeout' as const)]);
    if (code === 'timeout') {
      p.kill('SIGKILL');
      throw new Error('osken-manager did not stop on SIGTERM');
    }
    return code;
  }
}

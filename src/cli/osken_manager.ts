/**
 * osken-manager: loads apps (built-in names or .js files), wires contexts, runs
 * the OpenFlow controller. Flags follow os-ken's (`--ofp-tcp-listen-port`, ...);
 * `--config-file` reads os-ken's INI format ([DEFAULT] section).
 */
import { readFileSync, writeFileSync, existsSync, createWriteStream } from 'node:fs';
import { resolve, isAbsolute } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { AppManager, OSKenApp, type AppClass } from '../base/app_manager.js';
import { OFPHandler } from '../controller/ofp_handler.js';
import { getLogger, setLogLevel, setLogSink } from '../lib/log.js';
import type { ControllerOptions } from '../controller/controller.js';
import { tuneV8ForController } from '../lib/v8_tuning.js';

const VERSION = '0.1.0';
const DEFAULT_APP = 'simple_switch';
const log = getLogger('osken.cmd.manager');

interface Flags {
  apps: string[];
  opts: Record<string, string | boolean>;
}

const BOOL_FLAGS = new Set(['verbose', 'version', 'observe-links', 'help', 'enable-debugger']);

/** Parse argv (--key value, --key=value, boolean flags), then an INI --config-file underneath. */
export function parseFlags(argv: string[]): Flags {
  const apps: string[] = [];
  const opts: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const key = (eq > 0 ? a.slice(2, eq) : a.slice(2)).replace(/_/g, '-');
      if (eq > 0) opts[key] = a.slice(eq + 1);
      else if (BOOL_FLAGS.has(key)) opts[key] = true;
      else opts[key] = argv[++i] ?? '';
    } else apps.push(a);
  }
  const cfg = opts['config-file'];
  if (typeof cfg === 'string') {
    for (const [k, v] of Object.entries(readIni(cfg))) if (!(k in opts)) opts[k] = v;
  }
  return { apps, opts };
}

/** os-ken (oslo.config) INI: options in [DEFAULT] with underscores or dashes. */
export function readIni(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  let section = 'DEFAULT';
  for (const raw of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const m = /^\[(.+)\]$/.exec(line);
    if (m) {
      section = m[1]!;
      continue;
    }
    const eq = line.search(/[=:]/);
    if (eq < 0 || section !== 'DEFAULT') continue;
    out[line.slice(0, eq).trim().replace(/_/g, '-')] = line.slice(eq + 1).trim();
  }
  return out;
}

const BUILTIN_DIR = resolve(fileURLToPath(import.meta.url), '..', '..', 'app');

/** Resolve an app spec to its module URL: a file path, or a built-in name (`simple_switch`, `osken.app.simple_switch`). */
function appUrl(spec: string): string {
  if (/\.(m?js|m?ts)$/.test(spec) || spec.includes('/')) {
    const p = isAbsolute(spec) ? spec : resolve(process.cwd(), spec);
    return pathToFileURL(p).href;
  }
  const name = spec.replace(/^(os_ken|osken)\.app\./, '').replace(/\./g, '/');
  const p = resolve(BUILTIN_DIR, `${name}.js`);
  if (!existsSync(p)) throw new Error(`no built-in app ${spec}`);
  return pathToFileURL(p).href;
}

let tsLoader: Promise<void> | null = null;
/** TypeScript apps load directly: tsx's ESM hooks are registered on first use. */
function enableTypeScript(): Promise<void> {
  tsLoader ??= import('tsx/esm/api').then((m: { register: () => unknown }) => {
    m.register();
  });
  return tsLoader;
}

export async function loadAppClasses(spec: string): Promise<AppClass[]> {
  log.info(`loading app ${spec}`);
  if (/\.m?ts$/.test(spec)) await enableTypeScript();
  const mod = (await import(appUrl(spec))) as Record<string, unknown>;
  const found = new Set<AppClass>();
  for (const v of Object.values(mod)) {
    if (typeof v === 'function' && v.prototype instanceof OSKenApp) found.add(v as AppClass);
  }
  if (found.size === 0) throw new Error(`${spec}: no OSKenApp subclass exported`);
  return [...found];
}

export async function main(argv: string[]): Promise<number> {
  tuneV8ForController();
  const { apps, opts } = parseFlags(argv);
  if (opts.version) {
    process.stdout.write(`osken-manager ${VERSION}\n`);
    return 0;
  }
  if (opts.help) {
    process.stdout.write('usage: osken-manager [--ofp-listen-host H] [--ofp-tcp-listen-port P] [--ofp-ssl-listen-port P --ctl-privkey K --ctl-cert C [--ca-certs CA]] [--config-file F] [--verbose] [app ...]\n');
    return 0;
  }
  if (opts.verbose) setLogLevel('debug');
  else if (typeof opts['default-log-level'] === 'string') setLogLevel(Number(opts['default-log-level']));
  if (typeof opts['log-file'] === 'string') {
    const s = createWriteStream(opts['log-file'], { flags: 'a' });
    setLogSink((l) => s.write(l + '\n'));
  }
  if (typeof opts['pid-file'] === 'string') writeFileSync(opts['pid-file'], `${process.pid}\n`);

  const num = (k: string) => (typeof opts[k] === 'string' ? Number(opts[k]) : undefined);
  const str = (k: string) => (typeof opts[k] === 'string' ? (opts[k] as string) : undefined);
  const controllerOptions: ControllerOptions = {
    listenHost: str('ofp-listen-host'),
    tcpPort: num('ofp-tcp-listen-port') ?? 6653,
    sslPort: num('ofp-ssl-listen-port'),
    privkey: str('ctl-privkey'),
    cert: str('ctl-cert'),
    caCerts: str('ca-certs'),
    ciphers: str('ciphers'),
    echoInterval: num('echo-request-interval'),
    maxUnrepliedEchos: num('maximum-unreplied-echo-requests'),
    switchConnectInterval: num('ofp-switch-connect-interval'),
    switchAddresses: str('ofp-switch-address-list')
      ?.split(',')
      .filter(Boolean)
      .map((s) => {
        const i = s.lastIndexOf(':');
        return [s.slice(0, i), Number(s.slice(i + 1))] as [string, number];
      }),
  };
  for (const k of Object.keys(controllerOptions) as (keyof ControllerOptions)[]) if (controllerOptions[k] === undefined) delete controllerOptions[k];

  // os-ken's --user-flags: a module loaded first (it may define options or globals the apps use)
  if (typeof opts['user-flags'] === 'string') {
    const f = opts['user-flags'];
    if (/\.m?ts$/.test(f)) await enableTypeScript();
    await import(pathToFileURL(isAbsolute(f) ? f : resolve(process.cwd(), f)).href);
  }
  const classes: AppClass[] = [];
  for (const spec of apps.length ? apps : [DEFAULT_APP]) classes.push(...(await loadAppClasses(spec)));
  const mgr = AppManager.getInstance();
  // the controller app is instantiated last so that every app's OFP_VERSIONS bounds the hello
  const handler = new OFPHandler({ manager: mgr, controllerOptions });
  try {
    await mgr.instantiateApps(classes);
    mgr.register(handler);
    handler.markStarted();
    await handler.start();
  } catch (e) {
    log.error(`start failed: ${(e as Error).message}`);
    await mgr.close();
    return 1;
  }
  await new Promise<void>((resolveStop) => {
    const stop = (sig: string) => {
      log.info(`${sig}: shutting down`);
      resolveStop();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await mgr.close();
  return 0;
}

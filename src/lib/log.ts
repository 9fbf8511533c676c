/** Minimal leveled logger with os-ken-like names (`osken.controller.controller`). */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
let threshold = ORDER.info;
let sink: (line: string) => void = (line) => process.stderr.write(line + '\n');

export function setLogLevel(level: Level | number): void {
  threshold = typeof level === 'number' ? level : ORDER[level];
}
export function setLogSink(fn: (line: string) => void): void {
  sink = fn;
}

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export function getLogger(name: string): Logger {
  const at = (lvl: Level) => (msg: string) => {
    if (ORDER[lvl] >= threshold) sink(`${lvl.toUpperCase()} ${name}: ${msg}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * V8 settings for a controller process. A packet-in handler builds several messages and sends
 * one (constructors, match normalization, encoding): with V8's default inlining budget
 * (920 bytes of bytecode per optimized function) the later constructors of a handler are left as
 * calls through the generic construct stub. A larger budget lets the optimizing compiler inline
 * them (about 10% more responses per CPU second in `npm run bench:pipeline`).
 *
 * Flags set at run time affect only code optimized afterwards, so osken-manager calls this first
 * (before apps are loaded); NODE_OPTIONS / command-line flags given by the user still win, as
 * V8 takes the last value set and these are set only when not given on the command line.
 */
import v8 from 'node:v8';

const FLAGS: [string, string][] = [
  ['--max-inlined-bytecode-size-cumulative', '3000'],
];

export function tuneV8ForController(): void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  for (const [flag, value] of FLAGS) {
    const names = [flag, flag.replace(/-/g, '_')];
    if (given.some((a) => names.some((n) => a === n || a.startsWith(`${n}=`)))) continue;
    v8.setFlagsFromString(`${flag}=${value}`);
  }
}

#!/usr/bin/env node
import { main } from '../dist/src/cli/osken.js';

const code = await main(process.argv.slice(2));
// let stdout drain before exiting
process.stdout.write('', () => process.exit(code));

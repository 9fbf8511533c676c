#!/usr/bin/env node
import { main } from '../dist/src/cli/osken_manager.js';

process.exitCode = await main(process.argv.slice(2));

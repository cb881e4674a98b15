#!/usr/bin/env node
// The `nianbao-audit` command: runs the TypeScript CLI through tsx's loader, so that
// `npm ci` is all the setup it needs.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));

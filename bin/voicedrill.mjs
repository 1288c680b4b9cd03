#!/usr/bin/env node
// The voicedrill command: loads the TypeScript sources through tsx, then runs cli/main.ts.
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  process.stderr.write('voicedrill: cannot load tsx, which runs the TypeScript sources; run `npm ci` in the VoiceDrill folder first.\n');
  process.exit(1);
}
// Our own tsconfig, so that the tsconfig.json of the directory the command runs in does not matter.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) });
const { runCli } = await import('../cli/main.ts');
await runCli();

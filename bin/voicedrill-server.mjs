#!/usr/bin/env node
// The team sync server (issue 13): loads the TypeScript sources through tsx, then runs server/main.ts.
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  process.stderr.write('voicedrill-server: cannot load tsx, which runs the TypeScript sources; run `npm ci` in the VoiceDrill folder first.\n');
  process.exit(1);
}
// Our own tsconfig, so that the tsconfig.json of the directory the command runs in does not matter.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) });
const { runServer } = await import('../server/main.ts');
await runServer();

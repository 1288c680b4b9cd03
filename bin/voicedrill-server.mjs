#!/usr/bin/env node
// The team sync server (issue 13): loads the TypeScript sources through tsx, then runs server/main.ts.
import { registerTsx } from './register-tsx.mjs';

await registerTsx('voicedrill-server');
const { runServer } = await import('../server/main.ts');
await runServer();

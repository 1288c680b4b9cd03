#!/usr/bin/env node
// The voicedrill command: loads the TypeScript sources through tsx, then runs cli/main.ts.
import { registerTsx } from './register-tsx.mjs';

await registerTsx('voicedrill');
const { runCli } = await import('../cli/main.ts');
await runCli();

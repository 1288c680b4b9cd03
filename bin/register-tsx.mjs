// Shared by the commands in bin/: loads tsx, which runs the TypeScript sources, with the project's own tsconfig (so the
// tsconfig.json of the directory a command runs in does not matter); a missing tsx is one sentence and exit 1.
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

/** Registers tsx for the command named `name`, or exits. */
export async function registerTsx(name) {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(`${name}: cannot load tsx, which runs the TypeScript sources; run \`npm ci\` in the VoiceDrill folder first.\n`);
    process.exit(1);
  }
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) });
}

/**
 * bench:truth — the engine against ground truth that does not come from Praat (../shared/fixtures/truth):
 * the P.56 active level against the ITU-T reference program, the 10 ms pitch track against the Keele
 * laryngograph (side by side with Praat's adaptive two-pass), and the no-script syllable estimate on fast
 * Mandarin. Each section prints its own table and its targets.
 * Run: npm run bench:truth [level|pitch|syllables …]
 */
import { existsSync } from 'node:fs';
import { TRUTH_DIR } from '../tests/helpers/truth.ts';

const SECTIONS: Record<string, () => Promise<void>> = {
  level: async () => (await import('./truth/level.ts')).run(),
  pitch: async () => (await import('./truth/pitch.ts')).run(),
  syllables: async () => (await import('./truth/syllables.ts')).run(),
};

async function main(): Promise<void> {
  if (!existsSync(TRUTH_DIR)) {
    console.error('bench:truth: ../shared/fixtures/truth not found; nothing to measure.');
    process.exit(1);
  }
  const asked = process.argv.slice(2);
  const names = asked.length > 0 ? asked : Object.keys(SECTIONS);
  for (const name of names) {
    const section = SECTIONS[name];
    if (!section) throw new Error(`bench:truth: no section “${name}” (sections: ${Object.keys(SECTIONS).join(', ')}).`);
    console.log(`\n== ${name} ==`);
    await section();
  }
}

await main();

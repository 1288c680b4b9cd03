/**
 * The wall of docs/adr/0004-layers.md, checked on the production build the global setup made (dist/,
 * with Vite's manifest): no pitch or intensity analysis code is in a main-thread chunk — everything
 * reachable from index.html's entry by static and dynamic imports — while the same code is in the
 * analysis worker (which proves the markers survive minification). The worker and the capture worklet
 * are assets of those chunks, not imports, so the walk leaves them out. No browser needed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.ts';

const DIST = join(REPO_ROOT, 'dist');

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * Sentences of analysis code that minifiers keep (string literals of errors), each in the module named:
 * YIN (the live trace and the pitch passes), the pitch path search, and the Praat-style intensity.
 */
const MARKERS = [
  { module: 'src/analysis/pitch/yin.ts', marker: 'YIN window and lag must be' },
  { module: 'src/analysis/pitch/track.ts', marker: 'The pitch search range must satisfy' },
  { module: 'src/analysis/intensity.ts', marker: 'The intensity contour needs a minimum pitch' },
];

/** Files of every chunk reachable from the entry by static and dynamic imports (assets are not followed). */
function mainThreadFiles(manifest: Manifest, entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const key = queue.pop() as string;
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no chunk "${key}".`);
    seen.add(key);
    queue.push(...(chunk.imports ?? []), ...(chunk.dynamicImports ?? []));
  }
  return [...seen].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
}

describe('main-thread bundle', () => {
  const manifestPath = join(DIST, '.vite/manifest.json');

  it('is built with a manifest, whose walk reaches every screen and stops at the worker and the worklet', () => {
    expect(existsSync(manifestPath), `${manifestPath} (vite.config.ts: build.manifest)`).toBe(true);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const files = mainThreadFiles(manifest, 'index.html');
    for (const screen of ['TakeScreen', 'ProgressScreen', 'HistoryScreen', 'SettingsScreen']) {
      expect(files.some((f) => f.includes(`/${screen}-`)), screen).toBe(true);
    }
    expect(files.some((f) => /analysis\.worker/.test(f))).toBe(false);
    expect(files.some((f) => /capture-processor/.test(f))).toBe(false);
  });

  it('holds no pitch or intensity analysis code, which the analysis worker does hold', () => {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const assets = Object.values(manifest).flatMap((c) => c.assets ?? []);
    const workers = [...new Set(assets.filter((a) => /analysis\.worker-[^/]*\.js$/.test(a)))];
    expect(workers).toHaveLength(1);
    const workerCode = readFileSync(join(DIST, workers[0]), 'utf8');
    const chunks = mainThreadFiles(manifest, 'index.html').map((file) => ({ file, code: readFileSync(join(DIST, file), 'utf8') }));
    const found: string[] = [];
    for (const { module, marker } of MARKERS) {
      // The marker is still the module's own words, and survives minification into the worker.
      expect(readFileSync(join(REPO_ROOT, module), 'utf8'), module).toContain(marker);
      expect(workerCode, `${marker} in ${workers[0]}`).toContain(marker);
      for (const { file, code } of chunks) if (code.includes(marker)) found.push(`${module} (“${marker}”) in ${file}`);
    }
    expect(found, 'analysis code on the main thread').toEqual([]);
  });
});

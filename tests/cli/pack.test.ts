/** `voicedrill pack validate` and `voicedrill pack link`: exit codes and output, in-process (main) and as the real command. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliOutput } from '../../cli/main.ts';
import { packLinkPayload, readPackLink, writePackFile, type PackJson } from '../../src/packs/index.ts';
import { runCli, stderrLines } from '../helpers/cli.ts';
import { modelWav, rawPack, samplePack } from '../packs/pack-fixtures.ts';

let dir = '';

/** Runs main in-process in `dir` (paths are given relative to it) and collects the output. */
async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out: CliOutput = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return { status: await main(args, out), stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

/** A valid pack too large for a QR code: 10 passages with 500 characters of notes each that barely compress. */
function bigPack(): PackJson {
  const pack = samplePack();
  const passage = pack.drills[1];
  let seed = 1;
  const letter = (): string => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 26));
  const notes = (): string => Array.from({ length: 500 }, letter).join('');
  return { ...pack, drills: Array.from({ length: 10 }, (_, i) => ({ ...passage, notes: notes(), drill: { ...passage.drill, id: `passage-${i}` } })) };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'voicedrill-pack-'));
  writeFileSync(join(dir, 'week1.vdpack'), writePackFile(samplePack(), new Map([['rb-greeting', modelWav()]])));
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(rawPack(), null, 2));
  writeFileSync(join(dir, 'no-model.vdpack'), writePackFile({ ...samplePack(), drills: samplePack().drills.slice(1) }, new Map()));
  writeFileSync(join(dir, 'big.vdpack'), writePackFile(bigPack(), new Map()));
  writeFileSync(join(dir, 'newer.json'), JSON.stringify({ ...rawPack(), schemaVersion: 2 }));
  const badDue = rawPack() as { drills: Array<Record<string, unknown>> };
  badDue.drills[1].dueDate = '2026-02-30';
  writeFileSync(join(dir, 'bad-due.json'), JSON.stringify(badDue));
  writeFileSync(join(dir, 'notes.txt'), 'just some notes\n');
  // A pack file whose greeting says it has a model but carries none.
  const zip = writePackFile(samplePack(), new Map([['rb-greeting', modelWav()]]));
  writeFileSync(join(dir, 'cut.vdpack'), zip.subarray(0, zip.length - 30));
  mkdirSync(join(dir, 'folder.vdpack'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('voicedrill pack validate', () => {
  it('prints one line per valid pack file or pack.json, and exits 0', async () => {
    const r = await run(['pack', 'validate', 'week1.vdpack', 'pack.json', 'no-model.vdpack']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'week1.vdpack: pack "riverside-onboarding" version 3, "Riverside onboarding, week 1" by "Li Na (QA)", 2 drills, 1 model recording\n' +
      'pack.json: pack "riverside-onboarding" version 3, "Riverside onboarding, week 1" by "Li Na (QA)", 2 drills, 1 model recording announced (a pack.json alone: not checked)\n' +
      'no-model.vdpack: pack "riverside-onboarding" version 3, "Riverside onboarding, week 1" by "Li Na (QA)", 1 drill, 0 model recordings\n',
    );
  });

  it('says in one sentence what is wrong with each refused file, checks the others, and exits 1', async () => {
    const r = await run(['pack', 'validate', 'newer.json', 'week1.vdpack', 'bad-due.json', 'notes.txt', 'cut.vdpack', 'missing.vdpack', 'folder.vdpack']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^week1\.vdpack: pack "riverside-onboarding"/);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'voicedrill: newer.json: This pack was made by a newer VoiceDrill (pack schemaVersion 2); update VoiceDrill to open it.',
      'voicedrill: bad-due.json: drills[1].dueDate must be a real date as YYYY-MM-DD, or null.',
      'voicedrill: notes.txt: This file is neither a pack file (a zip container) nor a pack.json (JSON text).',
      'voicedrill: cut.vdpack: This pack file is damaged (its zip container cannot be read).',
      'voicedrill: missing.vdpack: cannot read the file: there is no such file.',
      'voicedrill: folder.vdpack: cannot read the file: it is a directory.',
    ]);
  });
});

describe('voicedrill pack link', () => {
  it('prints the link (models dropped) with the default base, notes the models, and exits 0', async () => {
    const r = await run(['pack', 'link', 'week1.vdpack']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`http://localhost:4173/#/pack/${packLinkPayload(samplePack())}\n`);
    expect(r.stderr).toBe('voicedrill: week1.vdpack: note: the model recording travels only in the pack file, not in the link.\n');
    expect(readPackLink(r.stdout.trim().split('#/pack/')[1])).toEqual(readPackLink(packLinkPayload(samplePack())));
  });

  it('takes the app’s address from --base, and a pack.json', async () => {
    const r = await run(['pack', 'link', 'pack.json', '--base', 'https://drill.example.com/app/']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^https:\/\/drill\.example\.com\/app\/#\/pack\/[A-Za-z0-9_-]+\n$/);
    const back = readPackLink(r.stdout.trim().split('#/pack/')[1]);
    expect(back.ok && back.value.pack.drills.map((d) => [d.drill.id, d.drill.bands.rate.goodMin])).toEqual([['rb-greeting', 130], ['rb-apology', 180]]);
  });

  it('says when the link is too long for a QR code', async () => {
    const r = await run(['pack', 'link', 'big.vdpack']);
    expect(r.status).toBe(0);
    const url = r.stdout.trim();
    expect(url).toMatch(/^http:\/\/localhost:4173\/#\/pack\/[A-Za-z0-9_-]+$/);
    expect(r.stderr).toBe(`voicedrill: big.vdpack: note: the link (${url.length} characters) is too long for a QR code, which holds about 2900; share the link itself or the pack file.\n`);
  });

  it('refuses an invalid pack with its sentence and exits 1, printing no link', async () => {
    const r = await run(['pack', 'link', 'bad-due.json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('voicedrill: bad-due.json: drills[1].dueDate must be a real date as YYYY-MM-DD, or null.\n');
  });
});

describe('voicedrill pack usage errors', () => {
  it.each([
    [['pack'], 'voicedrill: no pack command given; try: voicedrill pack validate FILE or voicedrill pack link FILE'],
    [['pack', 'check', 'a.vdpack'], "voicedrill: unknown pack command 'check'; the pack commands are validate and link"],
    [['pack', 'validate'], 'voicedrill: no file given; try: voicedrill pack validate FILE'],
    [['pack', 'link', 'a.vdpack', 'b.vdpack'], 'voicedrill: voicedrill pack link takes one FILE'],
    [['pack', 'validate', 'a.vdpack', '--base', 'http://x/'], 'voicedrill: --base is an option of voicedrill pack link, not of validate'],
    [['pack', 'link', 'a.vdpack', '--base', 'javascript:alert(1)'], "voicedrill: --base must be the app's address, such as http://localhost:4173/, not 'javascript:alert(1)'"],
    [['pack', 'link', 'a.vdpack', '--base'], "voicedrill: --base needs a value (the app's address, such as http://localhost:4173/)"],
    [['pack', 'link', 'a.vdpack', '--json'], "voicedrill: unknown option '--json' of voicedrill pack"],
  ])('%j exits 2', async (args, line) => {
    const r = await run(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(line);
  });
});

describe('the real command', { timeout: 60_000 }, () => {
  it('validates and links as a child process, with the exit status', async () => {
    const ok = await runCli(['pack', 'validate', 'week1.vdpack'], dir);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^week1\.vdpack: pack "riverside-onboarding" version 3, .*, 2 drills, 1 model recording\n$/);
    const bad = await runCli(['pack', 'validate', 'newer.json'], dir);
    expect(bad.status).toBe(1);
    expect(stderrLines(bad)).toEqual(['voicedrill: newer.json: This pack was made by a newer VoiceDrill (pack schemaVersion 2); update VoiceDrill to open it.']);
    const link = await runCli(['pack', 'link', 'no-model.vdpack'], dir);
    expect(link.status).toBe(0);
    expect(link.stderr).toBe('');
    expect(link.stdout).toMatch(/^http:\/\/localhost:4173\/#\/pack\/[A-Za-z0-9_-]+\n$/);
    const help = await runCli(['--help'], dir);
    expect(help.stdout).toContain('voicedrill pack link FILE [--base URL]');
  });
});

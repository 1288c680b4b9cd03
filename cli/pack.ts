/** `voicedrill pack validate FILE...` and `voicedrill pack link FILE [--base URL]`: a trainer's pack checked and shared from the shell. */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { PACK_LIMITS, QR_MAX_LINK_CHARS, packLinkPayload, packLinkUrl, qrModules, readPackFile, type PackJson, type ReadResult } from '../src/packs/index.ts';
import { readPackJsonBytes } from '../src/packs/pack-file.ts';
import { UsageError } from './args.ts';

/** Where the pack commands write (main.ts's CliOutput). */
interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The app's address a link starts with unless --base gives another (`npm run preview`). */
export const DEFAULT_LINK_BASE = 'http://localhost:4173/';

/** What `voicedrill pack …` asks for. */
export type PackCommand = { kind: 'validate'; files: string[] } | { kind: 'link'; file: string; base: string };

/** Parses the arguments after `pack`; throws UsageError. */
export function parsePackCommand(argv: string[]): PackCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { base: { type: 'string' } } });
  } catch (err) {
    const message = (err as Error).message;
    const option = /'([^']+)'/.exec(message)?.[1];
    if ((err as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError("--base needs a value (the app's address, such as http://localhost:4173/)");
    throw new UsageError(option ? `unknown option '${option}' of voicedrill pack` : message);
  }
  const [sub, ...files] = parsed.positionals;
  const base = parsed.values.base;
  if (sub === undefined) throw new UsageError('no pack command given; try: voicedrill pack validate FILE or voicedrill pack link FILE');
  if (sub !== 'validate' && sub !== 'link') throw new UsageError(`unknown pack command '${sub}'; the pack commands are validate and link`);
  if (files.length === 0) throw new UsageError(`no file given; try: voicedrill pack ${sub} FILE`);
  if (sub === 'validate') {
    if (base !== undefined) throw new UsageError('--base is an option of voicedrill pack link, not of validate');
    return { kind: 'validate', files };
  }
  if (files.length > 1) throw new UsageError('voicedrill pack link takes one FILE');
  const url = base ?? DEFAULT_LINK_BASE;
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // Not a URL: refused below.
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new UsageError(`--base must be the app's address, such as ${DEFAULT_LINK_BASE}, not '${url}'`);
  return { kind: 'link', file: files[0], base: url };
}

function readError(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return 'cannot read the file: there is no such file.';
  if (code === 'EISDIR') return 'cannot read the file: it is a directory.';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read the file: permission denied.';
  return `cannot read the file (${(err as Error).message.replace(/\s+/g, ' ')}).`;
}

/** A pack file (zip) or a plain pack.json, read and validated; `modelsChecked` is false for a pack.json. */
async function readPackPath(path: string): Promise<ReadResult<{ pack: PackJson; models: number; modelsChecked: boolean }>> {
  let bytes: Uint8Array;
  try {
    if ((await stat(path)).size > PACK_LIMITS.packFileBytes) {
      return { ok: false, error: `This pack file is larger than ${PACK_LIMITS.packFileBytes / 1024 / 1024} MB, the most VoiceDrill reads.` };
    }
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    return { ok: false, error: readError(err) };
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const r = readPackFile(bytes);
    return r.ok ? { ok: true, value: { pack: r.value.pack, models: r.value.models.size, modelsChecked: true } } : r;
  }
  const r = readPackJsonBytes(bytes, 'This file');
  if (!r.ok && (r.error === 'This file is not valid JSON.' || r.error === 'This file is not UTF-8 text.')) {
    return { ok: false, error: 'This file is neither a pack file (a zip container) nor a pack.json (JSON text).' };
  }
  if (!r.ok) return r;
  return { ok: true, value: { pack: r.value, models: r.value.drills.filter((d) => d.hasModel).length, modelsChecked: false } };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line about a valid pack: id, version, title, author, drills and models. */
export function packSummary(pack: PackJson, models: number, modelsChecked: boolean): string {
  const by = pack.author.trim() === '' ? '' : ` by ${JSON.stringify(pack.author)}`;
  const modelText = modelsChecked ? plural(models, 'model recording') : `${plural(models, 'model recording')} announced (a pack.json alone: not checked)`;
  return `pack ${JSON.stringify(pack.id)} version ${pack.version}, ${JSON.stringify(pack.title)}${by}, ${plural(pack.drills.length, 'drill')}, ${modelText}`;
}

/** Runs `voicedrill pack …` (argv after `pack`); true when every file was valid and every link printed. */
export async function runPack(argv: string[], out: Output): Promise<boolean> {
  const command = parsePackCommand(argv);
  if (command.kind === 'validate') {
    let ok = true;
    for (const file of command.files) {
      const r = await readPackPath(file);
      if (r.ok) out.stdout(`${file}: ${packSummary(r.value.pack, r.value.models, r.value.modelsChecked)}\n`);
      else {
        out.stderr(`voicedrill: ${file}: ${r.error}\n`);
        ok = false;
      }
    }
    return ok;
  }
  const { file, base } = command;
  const r = await readPackPath(file);
  if (!r.ok) {
    out.stderr(`voicedrill: ${file}: ${r.error}\n`);
    return false;
  }
  const { pack, models } = r.value;
  const payload = packLinkPayload(pack);
  if (payload.length > PACK_LIMITS.linkChars) {
    out.stderr(`voicedrill: ${file}: the link would hold ${payload.length} characters, more than the ${PACK_LIMITS.linkChars} VoiceDrill opens; share the pack file instead.\n`);
    return false;
  }
  const url = packLinkUrl(base, pack);
  out.stdout(`${url}\n`);
  if (models > 0) out.stderr(`voicedrill: ${file}: note: ${models === 1 ? 'the model recording travels' : `the ${models} model recordings travel`} only in the pack file, not in the link.\n`);
  if (payload.length > QR_MAX_LINK_CHARS || qrModules(url) === null) {
    out.stderr(`voicedrill: ${file}: note: the link (${url.length} characters) is too long for a QR code, which holds about ${QR_MAX_LINK_CHARS}; share the link itself or the pack file.\n`);
  }
  return true;
}

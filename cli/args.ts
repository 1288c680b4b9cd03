/** Command-line parsing of `voicedrill` (node:util parseArgs), with messages for people. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnalyzeOptions, ChannelMode, Lang } from './analysis.ts';

/** A mistake on the command line (exit status 2); the message says what is wrong. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'analyze';
      /** Paths exactly as given, in order. */
      files: string[];
      lang: Lang | undefined;
      /** The script given inline with --script. */
      script: string | undefined;
      /** The path given with --script-file (read later by readScriptFile). */
      scriptFile: string | undefined;
      channel: ChannelMode | undefined;
      /** The path given with --bands (read later by readBandsFile). */
      bandsFile: string | undefined;
      /** The value of --baseline: numbers or a path (read later by parseBaselineArg). */
      baseline: string | undefined;
      json: boolean;
      /** The path given with --textgrid: where the Praat TextGrid of the one file goes. */
      textGridFile: string | undefined;
      /** The path given with --tracks: where the CSV of the one file's pitch and intensity tracks goes. */
      tracksFile: string | undefined;
    }
  | {
      kind: 'call';
      /** Paths exactly as given, in order. */
      files: string[];
      /** The channel the agent is on (the customer is on the other), or mono (both voices on one channel). */
      agent: CallAgentChannel;
      /** Mono only (--agent-voice): the voice that opens the call (speaker 0) is the agent's, or the other one. */
      agentVoice: CallAgentVoice;
      lang: Lang | undefined;
      format: CallFormat;
      /** The path given with --textgrid: where the Praat TextGrid of the one call goes. */
      textGridFile: string | undefined;
      /** The built-in greeting drill the opening greeting is scored against (--greeting; default per language). */
      greeting: string | undefined;
      /** The agent's name and company for the greeting template's {name} and {company} (default: the drill's sample). */
      name: string | undefined;
      company: string | undefined;
    };

/** The agent's channel of a stereo call, or mono. */
export type CallAgentChannel = 'left' | 'right' | 'mono';
/** A mono call's agent: the voice that opens the call, or the other one. */
export type CallAgentVoice = 'first' | 'second';
/** How `voicedrill call` prints: a table, the JSON reports, or one CSV row per finding. */
export type CallFormat = 'table' | 'json' | 'csv';

const LANGS: readonly Lang[] = ['zh', 'en'];
const CHANNELS: readonly ChannelMode[] = ['mix', 'left', 'right'];
const VALUE_HINTS: Record<string, string> = {
  '--lang': ' (zh or en)', '--channel': ' (mix, left or right)', '--bands': ' (a JSON file)',
  '--baseline': ' (a JSON file, or MEDIAN_HZ,LEVEL_DBFS[,BRIGHTNESS_HZ])',
  '--agent': ' (left or right: the channel the agent is on; mono: both voices on one channel)',
  '--agent-voice': ' (first: the voice that opens the call; second: the other voice)',
  '--textgrid': ' (the TextGrid file to write)', '--greeting': ' (a built-in greeting drill, e.g. zh-greeting4)',
  '--name': " (the agent's name, for the greeting's {name})", '--company': " (the company, for the greeting's {company})", '--tracks': ' (the CSV file to write)',
};
const AGENT_CHANNELS: readonly CallAgentChannel[] = ['left', 'right', 'mono'];
const AGENT_VOICES: readonly CallAgentVoice[] = ['first', 'second'];
// Options of analyze that mean nothing for a call, and the reverse: refused rather than ignored.
const ANALYZE_ONLY = ['script', 'script-file', 'channel', 'bands', 'baseline', 'tracks'] as const;
const CALL_ONLY = ['agent', 'agent-voice', 'csv', 'greeting', 'name', 'company'] as const;
const AUDIO_EXTENSION = /\.(wav|wave|mp3|ogg|oga|opus|webm|flac|m4a|mp4|aac)$/i;

function parseErrorMessage(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const message = e.message ?? String(err);
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1];
    return option ? `unknown option '${option}'` : 'unknown option';
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const missing = /Option '(--[\w-]+)[^']*' argument missing/.exec(message);
    if (missing) return `${missing[1]} needs a value${VALUE_HINTS[missing[1]] ?? ''}`;
  }
  return message.charAt(0).toLowerCase() + message.slice(1);
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}, not '${value}'`);
}

/** Parses argv (without node and the script path) into a Command; throws UsageError. */
export function parseCommandLine(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        lang: { type: 'string' },
        script: { type: 'string' },
        'script-file': { type: 'string' },
        channel: { type: 'string' },
        bands: { type: 'string' },
        baseline: { type: 'string' },
        json: { type: 'boolean' },
        agent: { type: 'string' },
        'agent-voice': { type: 'string' },
        csv: { type: 'boolean' },
        textgrid: { type: 'string' },
        tracks: { type: 'string' },
        greeting: { type: 'string' },
        name: { type: 'string' },
        company: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new UsageError(parseErrorMessage(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const [command, ...files] = positionals;
  if (command === undefined) throw new UsageError('no command given; try: voicedrill analyze FILE...');
  if (command === 'help') return { kind: 'help' };
  if (command === 'call') return callCommand(files, values);
  for (const name of CALL_ONLY) {
    if (values[name] !== undefined) throw new UsageError(`--${name} is an option of voicedrill call, not of ${command === 'analyze' ? 'analyze' : 'this command'}`);
  }
  if (command !== 'analyze') {
    if (AUDIO_EXTENSION.test(command)) {
      throw new UsageError(`unknown command '${command}'; did you mean: voicedrill analyze ${command}`);
    }
    throw new UsageError(`unknown command '${command}'; the commands are: voicedrill analyze FILE..., voicedrill call FILE... --agent left|right|mono, voicedrill pack validate|link FILE and voicedrill roster RESULTS...`);
  }
  if (files.length === 0) throw new UsageError('no files given; try: voicedrill analyze FILE...');

  if (values.script !== undefined && values['script-file'] !== undefined) {
    throw new UsageError('give the script either with --script or with --script-file, not both');
  }
  if (values.script !== undefined && values.script.trim() === '') throw new UsageError('--script is empty');
  if (values['script-file'] === '') throw new UsageError('--script-file needs a path');
  if (values.bands === '') throw new UsageError('--bands needs a path');
  if (values.baseline !== undefined && values.baseline.trim() === '') throw new UsageError(`--baseline needs a value${VALUE_HINTS['--baseline']}`);
  checkExportPaths(files, { '--textgrid': values.textgrid, '--tracks': values.tracks });

  return {
    kind: 'analyze',
    files,
    lang: oneOf('--lang', values.lang, LANGS),
    script: values.script,
    scriptFile: values['script-file'],
    channel: oneOf('--channel', values.channel, CHANNELS),
    bandsFile: values.bands,
    baseline: values.baseline,
    json: values.json ?? false,
    textGridFile: values.textgrid,
    tracksFile: values.tracks,
  };
}

type ParsedValues = Partial<Record<'lang' | 'agent' | 'agent-voice' | 'textgrid' | 'greeting' | 'name' | 'company' | (typeof ANALYZE_ONLY)[number], string> & Record<'json' | 'csv', boolean>>;

// `voicedrill call FILE... --agent left|right|mono [--agent-voice first|second] [--lang zh|en] [--json | --csv] [--textgrid OUT]`.
function callCommand(files: string[], values: ParsedValues): Command {
  for (const name of ANALYZE_ONLY) {
    if (values[name] !== undefined) throw new UsageError(`--${name} is an option of voicedrill analyze, not of call`);
  }
  if (files.length === 0) throw new UsageError('no files given; try: voicedrill call FILE... --agent left|right|mono');
  if (values.json && values.csv) throw new UsageError('give either --json or --csv, not both');
  if (values.agent === undefined) throw new UsageError('--agent is required: the channel the agent is on, left or right, or mono');
  const agent = oneOf('--agent', values.agent, AGENT_CHANNELS) as CallAgentChannel;
  const agentVoice = oneOf('--agent-voice', values['agent-voice'], AGENT_VOICES) ?? 'first';
  if (values['agent-voice'] !== undefined && agent !== 'mono') {
    throw new UsageError('--agent-voice chooses between the voices of a mono call; give it with --agent mono');
  }
  checkExportPaths(files, { '--textgrid': values.textgrid, '--tracks': undefined });
  return {
    kind: 'call',
    files,
    agent,
    agentVoice,
    lang: oneOf('--lang', values.lang, LANGS),
    format: values.json ? 'json' : values.csv ? 'csv' : 'table',
    textGridFile: values.textgrid,
    greeting: values.greeting,
    name: values.name,
    company: values.company,
  };
}

// The export flags: a path each, for one recording, never one of the recordings (the files are
// checked on disk, links included, by checkExportTarget before anything is analysed).
function checkExportPaths(files: string[], exports: Record<'--textgrid' | '--tracks', string | undefined>): void {
  const given = Object.entries(exports).filter((e): e is [string, string] => e[1] !== undefined);
  for (const [flag, path] of given) {
    if (path.trim() === '') throw new UsageError(`${flag} needs a path${VALUE_HINTS[flag]}`);
    if (files.length > 1) throw new UsageError(`${flag} exports one recording; give one FILE, not ${files.length}`);
    if (resolve(path) === resolve(files[0])) throw new UsageError(`${flag} ${path} is the recording being analysed; give another path, the input is never overwritten`);
  }
  if (given.length === 2 && resolve(given[0][1]) === resolve(given[1][1])) {
    throw new UsageError(`--textgrid and --tracks both name ${given[0][1]}; give each its own file`);
  }
}

/** Reads a script file as UTF-8 (a BOM is dropped, surrounding blanks trimmed); throws UsageError. */
export async function readScriptFile(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new UsageError(`cannot read the script file ${path}: ${reason}`);
  }
  let text: string;
  try {
    // fatal: reject bytes that are not UTF-8 rather than analysing a garbled script.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`the script file ${path} is not UTF-8 text; save it as UTF-8 and try again`);
  }
  text = text.trim();
  if (text === '') throw new UsageError(`the script file ${path} is empty`);
  return text;
}

/** AnalyzeOptions of an analyze command, given the script text, bands and baseline already read. */
export function toAnalyzeOptions(
  command: Extract<Command, { kind: 'analyze' }>, script: string | undefined, read: Pick<AnalyzeOptions, 'bands' | 'baseline'> = {},
): AnalyzeOptions {
  const options: AnalyzeOptions = {};
  if (command.lang !== undefined) options.lang = command.lang;
  if (script !== undefined) options.script = script;
  if (command.channel !== undefined) options.channel = command.channel;
  if (read.baseline) options.baseline = read.baseline;
  if (read.bands) options.bands = read.bands;
  return options;
}

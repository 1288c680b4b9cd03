/**
 * Fill a drill template for one agent.
 *
 * Empty profile fields: the display and the script get a sample value (王芳 / Sam, 星河银行 /
 * Riverside Bank) instead of the source's "×××", and `filledWithSample` says so, so the screen can
 * invite the agent to set their own. Why not ×××: the agent would either read "×××" or say a name of
 * unknown length, and the rate is computed from the script's syllables, so it would be wrong.
 *
 * Filled values are cleaned: part delimiters (，,。.?？！!；;|), emphasis and placeholder marks
 * (* { }) become spaces, so "Smith, Jones & Co." cannot add a part to a four-part greeting.
 */
import type { Lang } from '../guidelines/ids.ts';
import { countText, parseScript, PART_DELIMITERS_SOURCE } from '../analysis/script.ts';
import type { DisplayPart, DisplaySegment, Drill, DrillProfile, RenderedDrill } from './types.ts';

/** Values used when the profile's name or company is empty, per script language. */
export const SAMPLE_PROFILE: Readonly<Record<Lang, DrillProfile>> = {
  zh: { name: '王芳', company: '星河银行' },
  en: { name: 'Sam', company: 'Riverside Bank' },
};

/** Longest filled value kept, in characters (longer names are cut, not rejected). */
export const MAX_FILL_CHARS = 40;

/** Placeholders a template may use. */
export const PLACEHOLDERS = ['name', 'company'] as const;

// The analysis's part delimiters (src/analysis/script.ts), captured to keep them.
const DELIMITER_CAPTURE_RE = new RegExp(`(${PART_DELIMITERS_SOURCE})`, 'u');
const UNSAFE_IN_FILL_RE = /[，,。.?？！!；;|*{}\s]+/gu;
const PLACEHOLDER_RE = /\{(name|company)\}/g;

/** A profile value made safe to put into a script (see the module comment); '' when nothing is left. */
export function cleanFill(value: string): string {
  return value.replace(UNSAFE_IN_FILL_RE, ' ').trim().slice(0, MAX_FILL_CHARS).trim();
}

/** The template with {name} and {company} filled in one pass (filled text is never re-expanded). */
export function fillTemplate(template: string, values: DrillProfile): string {
  return template.replace(PLACEHOLDER_RE, (_m, key: string) => (key === 'name' ? values.name : values.company));
}

function segmentsOf(raw: string): DisplaySegment[] {
  const pieces = raw.split(/(\*[^*]+\*)/);
  const segments: DisplaySegment[] = [];
  for (const piece of pieces) {
    const marked = /^\*[^*]+\*$/.test(piece);
    const text = piece.replace(/\*/g, '');
    if (text.length > 0) segments.push({ text, emphasis: marked });
  }
  // Same trimming as the part text: leading space of the first run, trailing space of the last.
  if (segments.length > 0) {
    segments[0] = { ...segments[0], text: segments[0].text.trimStart() };
    const last = segments.length - 1;
    segments[last] = { ...segments[last], text: segments[last].text.trimEnd() };
  }
  return segments.filter((s) => s.text.length > 0);
}

// Raw parts with their delimiters, skipping the same empty parts parseScript skips.
function rawParts(script: string): { raw: string; trailing: string }[] {
  const pieces = script.split(DELIMITER_CAPTURE_RE);
  const out: { raw: string; trailing: string }[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const raw = pieces[i];
    const text = raw.replace(/\*/g, '').trim();
    if (text.length === 0 || countText(text).syllables === 0) continue;
    out.push({ raw, trailing: (pieces[i + 1] ?? '').replace(/\|/g, '') });
  }
  return out;
}

/** The display parts of a filled script; texts, syllables and emphasis are the analysis's own. */
export function displayPartsOf(script: string, lang: Lang): DisplayPart[] {
  const parsed = parseScript(script, lang);
  const raws = rawParts(script);
  return parsed.parts.map((part, i) => {
    const raw = raws[i];
    const aligned = raw !== undefined && raw.raw.replace(/\*/g, '').trim() === part.text;
    return {
      index: part.index,
      text: part.text,
      trailing: aligned ? raw.trailing : '',
      emphasis: part.emphasis,
      segments: aligned ? segmentsOf(raw.raw) : [{ text: part.text, emphasis: false }],
      syllables: part.syllables,
    };
  });
}

/** A profile with a name and company per script language (storage's Profile), or one pair for any language. */
export type FillSource = Partial<DrillProfile> | { fills: Readonly<Record<Lang, DrillProfile>> } | null;

/** The name and company for a script language: the profile's fill of that language. */
export function fillFor(source: FillSource, lang: Lang): Partial<DrillProfile> | null {
  if (source !== null && 'fills' in source) return source.fills[lang];
  return source;
}

/** Fill a drill for an agent (the fill of the drill's script language): the script for the analysis (markers kept) and the parts to show. */
export function renderDrill(drill: Drill, source: FillSource): RenderedDrill {
  const sample = SAMPLE_PROFILE[drill.lang];
  const profile = fillFor(source, drill.lang);
  const name = cleanFill(profile?.name ?? '');
  const company = cleanFill(profile?.company ?? '');
  const script = fillTemplate(drill.template, {
    name: name || sample.name,
    company: company || sample.company,
  });
  const displayParts = displayPartsOf(script, drill.lang);
  return {
    script,
    displayParts,
    filledWithSample: {
      name: name === '' && drill.template.includes('{name}'),
      company: company === '' && drill.template.includes('{company}'),
    },
    syllables: displayParts.reduce((s, p) => s + p.syllables, 0),
  };
}

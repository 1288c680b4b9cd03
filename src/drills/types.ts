/** The drill types: what an agent reads aloud, and the bands it is scored against. */
import type { GuidelineId, Lang } from '../analysis/index.ts';
import type { UiLang } from '../i18n/ui-lang.ts';
import type { GuidelineBands } from '../guidelines/bands.ts';

/** What a drill trains: the two standard greetings of GUIDELINES.md point 2, or a reading passage (point 7). */
export type DrillKind = 'greeting3' | 'greeting4' | 'passage';

/** Every drill kind, in menu order. */
export const DRILL_KINDS: readonly DrillKind[] = ['greeting3', 'greeting4', 'passage'];

/** Parts each greeting kind must split into (GUIDELINES.md point 2). */
export const GREETING_PART_COUNT: Readonly<Record<Exclude<DrillKind, 'passage'>, number>> = {
  greeting3: 3,
  greeting4: 4,
};

/**
 * One drill. The template is the script as the analysis reads it: parts split at ，,。.?？！!；;|,
 * `*word*` marks a key word for emphasis, `{name}` and `{company}` are filled from the profile.
 */
export interface Drill {
  id: string;
  /** Bumped whenever the template or bands change, so old takes can be told apart. */
  version: number;
  kind: DrillKind;
  /** Script language (decides syllable counting and the default bands). */
  lang: Lang;
  /** Title per UI language. */
  title: Readonly<Record<UiLang, string>>;
  template: string;
  /** Bands this drill is scored against (DEFAULT_BANDS[lang] unless a trainer overrode them). */
  bands: GuidelineBands;
  /** Guidelines the drill is meant to exercise, for the menu; empty when not stated. */
  focus: readonly GuidelineId[];
  /** True for the drills shipped with the app. */
  builtIn: boolean;
}

/** The profile fields a template can use. */
export interface DrillProfile {
  name: string;
  company: string;
}

/** One run of a displayed part: plain or emphasised. */
export interface DisplaySegment {
  text: string;
  emphasis: boolean;
}

/** One part of a rendered drill, as the practice screen shows it. */
export interface DisplayPart {
  index: number;
  /** Text without markers or the delimiter (the same text as the analysis's ScriptPart). */
  text: string;
  /** Punctuation that ended the part in the script ('' when none; the '|' marker is dropped). */
  trailing: string;
  /** Key words marked for emphasis. */
  emphasis: string[];
  /** The text cut into plain and emphasised runs, for highlighting. */
  segments: DisplaySegment[];
  syllables: number;
}

/** A drill filled in for one agent. */
export interface RenderedDrill {
  /** The script for the analysis, markers kept. */
  script: string;
  displayParts: DisplayPart[];
  /** Which placeholders were filled with a sample value because the profile field was empty. */
  filledWithSample: { name: boolean; company: boolean };
  /** Script syllables (Han characters for Mandarin), as the rate is computed from. */
  syllables: number;
}

/** The --textgrid writer on small crafted reports: exact text, tiers that cover the duration, escaping, notes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  coverDuration, formatTextGrid, praatString, reportTextGrid, textGridNotes, textGridTiers, type Tier,
} from '../../cli/format-textgrid.ts';
import type { AnalysisReport, EmphasisWordReport, ScriptPartReport } from '../../src/analysis/index.ts';
import { makeReport } from '../app/report-fixture.ts';
import { REPO_ROOT } from '../helpers/cli.ts';

const GOLDEN = join(REPO_ROOT, 'tests/golden/small-report.TextGrid');

const part = (index: number, text: string, startSec: number | null, endSec: number | null, found = true): ScriptPartReport => ({
  index, text, syllables: 2, startSec, endSec, found, pauseBeforeSec: null,
});
const word = (w: string, partIndex: number, startSec: number | null, endSec: number | null, located: EmphasisWordReport['located']): EmphasisWordReport => ({
  word: w, partIndex, startSec, endSec, located, pitchGainSt: null, levelGainDb: null, durationRatio: null, status: 'unmeasured',
});

/** 2.5 s: speech 0.4–2.2 s with a pause 1.0–1.4 s, two parts (one quoted), one key word, four nuclei. */
function smallReport(overrides: Partial<AnalysisReport> = {}): AnalysisReport {
  const base = makeReport({}, { durationSec: 2.5, lang: 'en' });
  return {
    ...base,
    speech: { startSec: 0.4, endSec: 2.2, spanSec: 1.8, soundingSec: 1.4, pauseCount: 1, longestPauseSec: 0.4, pauses: [{ startSec: 1, endSec: 1.4 }] },
    rate: { ...base.rate, nuclei: 4, nucleiSec: [0.5, 0.8, 1.6, 2] },
    parts: [part(0, 'Good morning', 0.4, 1), part(1, 'this is "Sam"', 1.4, 2.2)],
    emphasis: [word('"Sam"', 1, 1.8, 2.2, 'nuclei')],
    ...overrides,
  };
}

// Every interval tier: starts at 0, ends at the duration, each interval where the previous ended, none empty.
function expectCovers(tiers: Tier[], durationSec: number): void {
  for (const tier of tiers) {
    if (tier.kind !== 'interval') continue;
    expect(tier.intervals[0].startSec, tier.name).toBe(0);
    expect(tier.intervals.at(-1)?.endSec, tier.name).toBe(durationSec);
    tier.intervals.forEach((iv, i) => {
      expect(iv.endSec, `${tier.name} [${i + 1}]`).toBeGreaterThan(iv.startSec);
      if (i > 0) expect(iv.startSec, `${tier.name} [${i + 1}]`).toBe(tier.intervals[i - 1].endSec);
    });
  }
}

describe('reportTextGrid', () => {
  it('writes the small report exactly as Praat writes it (tests/golden/small-report.TextGrid)', () => {
    expect(reportTextGrid(smallReport())).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('has tiers speech, parts, key words and the point tier nuclei, with the analysis times and labels', () => {
    const tiers = textGridTiers(smallReport());
    expect(tiers.map((t) => `${t.kind} ${t.name}`)).toEqual(['interval speech', 'interval parts', 'interval key words', 'point nuclei']);
    const labelled = (t: Tier) => (t.kind === 'interval' ? t.intervals.filter((iv) => iv.text !== '').map((iv) => [iv.startSec, iv.endSec, iv.text]) : []);
    expect(labelled(tiers[0])).toEqual([[0.4, 1, 'speech'], [1, 1.4, 'pause'], [1.4, 2.2, 'speech']]);
    expect(labelled(tiers[1])).toEqual([[0.4, 1, 'Good morning'], [1.4, 2.2, 'this is "Sam"']]);
    expect(labelled(tiers[2])).toEqual([[1.8, 2.2, '"Sam"']]);
    expect(tiers[3].kind === 'point' && tiers[3].points).toEqual([
      { timeSec: 0.5, mark: '1' }, { timeSec: 0.8, mark: '2' }, { timeSec: 1.6, mark: '3' }, { timeSec: 2, mark: '4' },
    ]);
    expectCovers(tiers, 2.5);
  });

  it('covers the exact duration it is given, leaves out the parts and key words tiers without a script', () => {
    const noScript = smallReport({ parts: [], emphasis: [] });
    const tiers = textGridTiers(noScript, 2.5000625);
    expect(tiers.map((t) => t.name)).toEqual(['speech', 'nuclei']);
    expectCovers(tiers, 2.5000625);
    expect(reportTextGrid(noScript, 2.5000625)).toMatch(/^xmax = 2\.5000625 $/m);
  });

  it('covers the duration in the edge cases: speech from 0 to the end, no speech, times past the end, overlaps', () => {
    const full = smallReport({ speech: { ...smallReport().speech, startSec: 0, endSec: 2.5 } });
    expectCovers(textGridTiers(full), 2.5);
    expect(textGridTiers(full)[0]).toMatchObject({ intervals: [{ startSec: 0, endSec: 1, text: 'speech' }, { text: 'pause' }, { startSec: 1.4, endSec: 2.5, text: 'speech' }] });

    const silent = smallReport({
      speechFound: false, speech: { startSec: null, endSec: null, spanSec: null, soundingSec: null, pauseCount: 0, longestPauseSec: null, pauses: [] },
      rate: { ...smallReport().rate, nuclei: null, nucleiSec: [] },
      parts: [part(0, 'Good morning', null, null, false)], emphasis: [word('Sam', 0, null, null, null)],
    });
    const tiers = textGridTiers(silent);
    expectCovers(tiers, 2.5);
    for (const t of tiers) expect(t.kind === 'interval' ? t.intervals : t.points).toEqual(t.kind === 'interval' ? [{ startSec: 0, endSec: 2.5, text: '' }] : []);

    // Rounded report times may pass the exact duration by < 0.5 ms; parts may touch (said in one breath).
    const ragged = smallReport({
      speech: { ...smallReport().speech, endSec: 2.5004 }, rate: { ...smallReport().rate, nucleiSec: [0.5, 2.5004] },
      parts: [part(0, 'a', 0.4, 1.2), part(1, 'b', 1.1, 2.5004), part(2, 'c', 2.5004, 2.5004)],
    });
    const raggedTiers = textGridTiers(ragged, 2.5);
    expectCovers(raggedTiers, 2.5);
    expect(raggedTiers[1]).toMatchObject({ intervals: [{ text: '' }, { startSec: 0.4, endSec: 1.2, text: 'a' }, { startSec: 1.2, endSec: 2.5, text: 'b' }] });
    expect(raggedTiers[3]).toMatchObject({ points: [{ timeSec: 0.5 }] });
  });

  it('escapes double quotes as Praat does (doubled) and keeps UTF-8 text as it is', () => {
    expect(praatString('this is "Sam"')).toBe('"this is ""Sam"""');
    expect(praatString('"')).toBe('""""');
    expect(praatString('早上好，我是小王')).toBe('"早上好，我是小王"');
    const text = reportTextGrid(smallReport({ parts: [part(0, '早上好 "A"', 0.4, 2.2)], emphasis: [] }));
    expect(text).toContain('            text = "早上好 ""A""" \n');
    expect(text.split('\n').filter((l) => l.includes('"')).every((l) => (l.match(/"/g) ?? []).length % 2 === 0)).toBe(true);
  });

  it('formatTextGrid writes the header and a point tier in Praat long text format', () => {
    const text = formatTextGrid([{ kind: 'point', name: 'bell', points: [{ timeSec: 1.25, mark: '1' }] }], 2.5);
    expect(text).toBe([
      'File type = "ooTextFile"', 'Object class = "TextGrid"', '', 'xmin = 0 ', 'xmax = 2.5 ', 'tiers? <exists> ', 'size = 1 ', 'item []: ',
      '    item [1]:', '        class = "TextTier" ', '        name = "bell" ', '        xmin = 0 ', '        xmax = 2.5 ', '        points: size = 1 ',
      '        points [1]:', '            number = 1.25 ', '            mark = "1" ', '',
    ].join('\n'));
  });

  it('coverDuration fills the gaps with empty intervals and never returns an empty tier', () => {
    expect(coverDuration([], 1)).toEqual([{ startSec: 0, endSec: 1, text: '' }]);
    expect(coverDuration([{ startSec: 0.5, endSec: 0.7, text: 'x' }], 1)).toEqual([
      { startSec: 0, endSec: 0.5, text: '' }, { startSec: 0.5, endSec: 0.7, text: 'x' }, { startSec: 0.7, endSec: 1, text: '' },
    ]);
  });
});

describe('textGridNotes', () => {
  it('says nothing when everything is placed on its own syllables', () => {
    expect(textGridNotes(smallReport())).toEqual([]);
  });

  it('says when key words could only be placed by their part, or not at all, and when parts are missing', () => {
    const notes = textGridNotes(smallReport({
      parts: [part(0, 'Good morning', 0.4, 1), part(1, 'this is Sam', 1.4, 1.5, false), part(2, 'how can I help', null, null, false)],
      emphasis: [word('morning', 0, 0.7, 1, 'proportional'), word('help', 2, null, null, null)],
    }));
    expect(notes).toEqual([
      '1 part(s) of the script could not be placed and are not on the parts tier',
      'part 2 ("this is Sam") is too short for its syllables; the parts tier shows where the analysis put it',
      'key word "morning" is placed by its share of its part\'s syllables (the syllable nuclei did not match the script), not located on its own syllables',
      'key word "help" could not be located, so neither it nor its part is in the TextGrid',
    ]);
    expect(textGridNotes(smallReport({ emphasis: [word('Sam', 1, null, null, null)] })))
      .toEqual(['key word "Sam" could not be located, so only its part is in the TextGrid']);
  });
});

import { describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../src/analysis/index.ts';
import { csvField, csvHeader, csvRow, CSV_GUIDELINES, downloadName, localDateTime, takesToCsv, UTF8_BOM } from '../../src/backup/csv.ts';
import { CSV_FIGURES } from '../../src/backup/csv-figures.ts';
import { t } from '../../src/i18n/index.ts';
import { findBuiltInDrill, parseDrill } from '../../src/drills/index.ts';
import { SCHEMA_VERSION, type TakeRecord } from '../../src/storage/index.ts';
import { makeReport } from './report-fixture.ts';
import { fillsBoth } from '../helpers/profile.ts';
import { parseCsv } from '../helpers/csv.ts';

function take(id: string, createdAt: string, report: AnalysisReport | null, extra: Partial<TakeRecord> = {}): TakeRecord {
  return {
    schemaVersion: SCHEMA_VERSION, id, drillId: 'zh-greeting3', drill: findBuiltInDrill('zh-greeting3'), script: '', createdAt,
    status: report ? 'analysed' : 'recorded', sampleRateHz: 48000, durationSec: 3.25, report, analysisVersion: report?.analysisVersion ?? null,
    name: null, failure: null, incomplete: false, countAnyway: false, ...extra,
  };
}

describe('CSV cells', () => {
  it('quote commas, quotes, line breaks and edge spaces, and leave plain text and Chinese alone', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvField(' padded')).toBe('" padded"');
    // A full-width comma is text, not a separator.
    expect(csvField('三段式问候，您好')).toBe('三段式问候，您好');
    expect(csvField('早上好, 我是"王芳"')).toBe('"早上好, 我是""王芳"""');
  });

  it('write numbers exactly as stored and neutralise formulas in text', () => {
    expect(csvField(-22.35)).toBe('-22.35');
    expect(csvField(0.1 + 0.2)).toBe(String(0.1 + 0.2));
    expect(csvField(-0)).toBe('0');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-5 stars')).toBe("'-5 stars");
    expect(csvField('@me')).toBe("'@me");
    expect(csvRow(['a', 1.5, null, 'b,c'])).toBe('a,1.5,,"b,c"');
  });
});

describe('results as CSV', () => {
  const custom = parseDrill({ id: 'x-passage', kind: 'passage', lang: 'zh', title: { 'zh-CN': '短文，"月光"', en: 'Passage, "Moonlight"' }, template: '月光轻轻落在窗前，像一封没有寄出的信。' });
  if (!custom.ok) throw new Error(custom.errors.join(' '));
  const takes = [
    take('t2', '2026-11-21T09:00:00.000Z', makeReport({ rate: ['good', 201.3], volume: ['low', -31.25], pauses: ['high', 1.5] }), { name: 'second, with "quotes"\nand a line' }),
    take('t1', '2026-11-20T09:00:00.000Z', null),
    take('t3', '2026-11-22T09:00:00.000Z', makeReport({ rate: ['good', 190] }), { drillId: 'x-passage', drill: custom.drill }),
  ];

  it('starts with a BOM, ends lines with CRLF and has one row per take, oldest first', () => {
    const csv = takesToCsv(takes, 'en');
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows.length).toBe(4);
    expect(rows.every((r) => r.length === 11 + 3 * CSV_GUIDELINES.length + CSV_FIGURES.length)).toBe(true);
    expect(rows.slice(1).map((r) => r[rows[0].indexOf('Take id')])).toEqual(['t1', 't2', 't3']);
  });

  it('reads back the stored values, statuses, names and Chinese titles', () => {
    const rows = parseCsv(takesToCsv(takes, 'zh-CN').slice(1));
    const head = rows[0];
    const col = (name: string): number => head.indexOf(name);
    expect(head.slice(0, 5)).toEqual(['日期', '时间（UTC，ISO 8601）', '坐席姓名', '公司', '练习']);
    const t2 = rows[2];
    expect(t2[col('练习')]).toBe('三段式问候');
    expect(t2[col('录音名称')]).toBe('second, with "quotes"\nand a line');
    expect(t2[col('时间（UTC，ISO 8601）')]).toBe('2026-11-21T09:00:00.000Z');
    expect(t2[col('日期')]).toBe(localDateTime('2026-11-21T09:00:00.000Z'));
    const rateLabel = head.find((h, i) => i >= 11 && !h.includes('：')) as string;
    expect(t2[col(rateLabel)]).toBe('201.3');
    expect(t2[col(`${rateLabel}：单位`)]).toBe('chars/min');
    expect(t2[col(`${rateLabel}：结果`)]).toBe('良好');
    expect(rows[1][col(rateLabel)]).toBe(''); // not analysed: empty cells
    expect(rows[3][col('练习')]).toBe('短文，"月光"');
    expect(csvHeader('en')).toContain('Pace: result');
  });

  it('names the agent and writes the raw figures as stored, with units in the column names', () => {
    const rows = parseCsv(takesToCsv(takes, 'en', { fills: fillsBoth('=Alex', 'Bluebird, Inc.') }).slice(1));
    const head = rows[0];
    const cell = (row: number, name: string): string => {
      expect(head).toContain(name);
      return rows[row][head.indexOf(name)];
    };
    expect(cell(2, 'Agent name')).toBe("'=Alex"); // formula guard on the profile's text too
    expect(cell(2, 'Company')).toBe('Bluebird, Inc.');
    expect(cell(2, 'Length (s, unrounded)')).toBe('3.25');
    expect(cell(2, 'Median F0 (Hz)')).toBe('215.3');
    expect(cell(2, 'Peak (dBFS)')).toBe('-6.1');
    expect(cell(2, 'SNR (dB)')).toBe('47.85');
    expect(cell(2, 'Active speech level (dBFS)')).toBe('-22.35');
    expect(cell(2, 'Speech span (s)')).toBe('3.4');
    expect(cell(2, 'Longest pause (s)')).toBe('0.4');
    expect(cell(2, 'Analysed length (s)')).toBe('4.2');
    expect(cell(2, 'Rate (chars/min, Mandarin)')).toBe('335.3');
    expect(cell(2, 'Rate (wpm, English)')).toBe('');
    expect(cell(1, 'Median F0 (Hz)')).toBe(''); // not analysed
    // Every figure column names its unit in brackets.
    for (const f of CSV_FIGURES) expect(t('en', f.key)).toMatch(/\(.+\)$/);
    expect(parseCsv(takesToCsv(takes, 'zh-CN').slice(1))[0]).toContain('基频中位数（Hz）');
    // Without a profile the agent cells are empty.
    expect(parseCsv(takesToCsv(takes, 'en').slice(1))[2][head.indexOf('Agent name')]).toBe('');
  });

  it('leaves a figure an older report did not store empty', () => {
    const report = makeReport({ rate: ['good', 200] });
    const old = { ...report, timbre: undefined, loudness: { ...report.loudness, snrDb: undefined } } as unknown as AnalysisReport;
    const rows = parseCsv(takesToCsv([take('old', '2026-11-20T09:00:00.000Z', old)], 'en').slice(1));
    expect(rows[1][rows[0].indexOf('SNR (dB)')]).toBe('');
    expect(rows[1][rows[0].indexOf('Brightness (Hz)')]).toBe('');
    expect(rows[1][rows[0].indexOf('Median F0 (Hz)')]).toBe('215.3');
  });

  it('names downloads by the local date', () => {
    const now = new Date(2026, 10, 23, 23, 30);
    expect(downloadName('backup', now)).toBe('voicedrill-backup-2026-11-23.voicedrill');
    expect(downloadName('results', now)).toBe('voicedrill-results-2026-11-23.csv');
  });
});

/** Small valid packs and model WAVs for the pack tests (built once through parsePackJson, so they are canonical). */
import { parsePackJson, type PackJson } from '../../src/packs/index.ts';
import { encodeWav } from '../helpers/wav.ts';

/** A pack as a trainer writes it (raw JSON: band overrides, not merged bands). */
export function rawPack(): Record<string, unknown> {
  return {
    format: 'voicedrill-pack',
    schemaVersion: 1,
    id: 'riverside-onboarding',
    version: 3,
    title: 'Riverside onboarding, week 1',
    author: 'Li Na (QA)',
    createdAt: '2026-12-03T06:50:00.000Z',
    drills: [
      {
        drill: {
          id: 'rb-greeting',
          version: 2,
          kind: 'greeting4',
          lang: 'en',
          title: { 'zh-CN': '河畔银行问候', en: 'Riverside greeting' },
          template: 'Hello, *{company}*, this is {name}, how may I *help* you today?',
          bands: { rate: { goodMin: 130, goodMax: 150 } },
          focus: ['rate', 'emphasis'],
        },
        attemptsRequired: 3,
        dueDate: '2026-12-10',
        notes: 'Smile before you dial.\nKeep the company name clear.',
        slowSpans: ['how may I *help* you today'],
        hasModel: true,
      },
      {
        drill: {
          id: 'rb-apology',
          kind: 'passage',
          lang: 'zh',
          title: { 'zh-CN': '退款致歉', en: 'Refund apology' },
          template: '非常抱歉给您带来不便。您的退款已经在处理中，预计*三个工作日*内到账，请您放心。',
        },
        attemptsRequired: 1,
        dueDate: null,
        notes: '',
        slowSpans: [],
        hasModel: false,
      },
    ],
  };
}

/** rawPack() validated: the canonical pack (merged bands, builtIn false). */
export function samplePack(): PackJson {
  const r = parsePackJson(rawPack());
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** A short 16-bit mono WAV (0.05 s of a 200 Hz tone at 8 kHz). */
export function modelWav(frames = 400): Uint8Array {
  const x = Float32Array.from({ length: frames }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 200 * i) / 8000));
  return encodeWav([x], 8000, 16);
}

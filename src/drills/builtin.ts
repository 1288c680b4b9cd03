/**
 * The drills shipped with the app: the two standard greetings of GUIDELINES.md point 2 in Mandarin
 * and English, and original reading passages (prose and short verse) for point 7.
 * Key words: the company name and the offer to help in greetings; a few stressed words in passages.
 * Passages are 40–120 script syllables (tests/app/drills.test.ts holds the rule).
 */
import type { GuidelineId, Lang } from '../analysis/index.ts';
import type { UiLang } from '../i18n/ui-lang.ts';
import { DEFAULT_BANDS } from '../guidelines/bands.ts';
import type { Drill, DrillKind } from './types.ts';

function drill(id: string, kind: DrillKind, lang: Lang, title: Record<UiLang, string>, template: string,
  focus: readonly GuidelineId[]): Drill {
  return { id, version: 1, kind, lang, title, template, bands: DEFAULT_BANDS[lang], focus, builtIn: true };
}

const GREETING_FOCUS: readonly GuidelineId[] = ['pauses', 'emphasis', 'pitchVariety', 'warmth'];

/** The built-in greetings: three-part and four-part, Mandarin and English. */
export const BUILT_IN_GREETINGS: readonly Drill[] = [
  drill('zh-greeting3', 'greeting3', 'zh', { 'zh-CN': '三段式问候', en: 'Three-part greeting (Mandarin)' },
    '早上好，我是{name}，很高兴为您*服务*', GREETING_FOCUS),
  drill('zh-greeting4', 'greeting4', 'zh', { 'zh-CN': '四段式问候', en: 'Four-part greeting (Mandarin)' },
    '您好，*{company}*，我是{name}，请问有什么可以*帮您*？', GREETING_FOCUS),
  drill('en-greeting3', 'greeting3', 'en', { 'zh-CN': '三段式问候（英语）', en: 'Three-part greeting' },
    'Good morning, this is {name}, glad to *help* you.', GREETING_FOCUS),
  drill('en-greeting4', 'greeting4', 'en', { 'zh-CN': '四段式问候（英语）', en: 'Four-part greeting' },
    'Hello, *{company}*, this is {name}, how may I *help* you today?', GREETING_FOCUS),
];

/** The built-in reading passages, original texts, four per language. */
export const BUILT_IN_PASSAGES: readonly Drill[] = [
  drill('zh-passage-first-bus', 'passage', 'zh', { 'zh-CN': '短文：第一班车', en: 'Prose: The first bus (Mandarin)' },
    '清晨六点，车站还很安静。第一班公交车慢慢开进站台，司机向每一位乘客点头问好。' +
    '有人捧着热豆浆，有人低头看着手机。车门关上的时候，整座城市才*真正*醒来。',
    ['rate', 'steadiness']),
  drill('zh-passage-callback', 'passage', 'zh', { 'zh-CN': '短文：请您放心', en: 'Prose: Rest assured (Mandarin)' },
    '您反映的问题，我们已经记录下来了。技术人员会在*两个小时*之内给您回电话，请您保持手机畅通。' +
    '如果还有其他需要，欢迎随时拨打我们的热线，我们*一直*都在。',
    ['rate', 'volume', 'emphasis']),
  drill('zh-verse-river', 'passage', 'zh', { 'zh-CN': '儿歌：小河', en: 'Verse: The little river (Mandarin)' },
    '小河弯弯向东流，流过田野流过桥。*春天*来了花儿笑，*秋天*来了稻香飘。' +
    '小鱼游到石头下，小鸭唱着*回家*谣。',
    ['pitchVariety', 'emphasis', 'pauses']),
  drill('zh-verse-moonlight', 'passage', 'zh', { 'zh-CN': '小诗：月光', en: 'Verse: Moonlight (Mandarin)' },
    '月光轻轻落在窗前，像一封没有寄出的信。风在*远方*唱歌，星星*一颗一颗*亮起来。' +
    '我把今天的疲惫，折成一只小船，让它顺着*夜色*慢慢漂走。',
    ['pitchVariety', 'rate', 'steadiness']),
  drill('en-passage-market', 'passage', 'en', { 'zh-CN': '短文：周六集市（英语）', en: 'Prose: The Saturday market' },
    'Every Saturday the market opens at seven. The baker sets out warm *bread*, ' +
    'the fruit seller stacks bright oranges, and a small dog waits by the flower stall. ' +
    'By nine the square is *full* of voices, and nobody is in a hurry.',
    ['rate', 'steadiness']),
  drill('en-passage-payment', 'passage', 'en', { 'zh-CN': '短文：款项已到账（英语）', en: 'Prose: Your payment has arrived' },
    'Thank you for waiting. I have checked your account, and the *payment* arrived this morning. ' +
    'You will see it on your statement within *two* working days. ' +
    'If anything still looks wrong, please call us again, and we will sort it out *together*.',
    ['rate', 'volume', 'emphasis']),
  drill('en-verse-river', 'passage', 'en', { 'zh-CN': '小诗：河流（英语）', en: 'Verse: The river' },
    'The river does not rush; it hums along its way. ' +
    'It carries *light* at morning, and *stars* at close of day. ' +
    'It passes mills and meadows; it hears the old bells ring. ' +
    'It never asks for anything, and gives us *everything*.',
    ['pitchVariety', 'emphasis', 'pauses']),
  drill('en-verse-rain', 'passage', 'en', { 'zh-CN': '小诗：春雨（英语）', en: 'Verse: Small rain' },
    'Small rain on the window, a kettle starts to sing; ' +
    'the *whole* house is listening for the *first* sound of spring. ' +
    'The garden holds its breath, the sparrows hold their tune, ' +
    'and somewhere past the rooftops the clouds are letting go of *June*.',
    ['pitchVariety', 'rate', 'steadiness']),
];

/** Every built-in drill: greetings first, then passages. */
export const BUILT_IN_DRILLS: readonly Drill[] = [...BUILT_IN_GREETINGS, ...BUILT_IN_PASSAGES];

/** The built-in drill with this id, or null. */
export function findBuiltInDrill(id: string): Drill | null {
  return BUILT_IN_DRILLS.find((d) => d.id === id) ?? null;
}

/** Built-in drills for one script language. */
export function builtInDrillsFor(lang: Lang): Drill[] {
  return BUILT_IN_DRILLS.filter((d) => d.lang === lang);
}

/** The drill a take was recorded with: its snapshot, else the built-in of that id, or null. */
export function drillOfTake(take: { drill: Drill | null; drillId: string }): Drill | null {
  return take.drill ?? findBuiltInDrill(take.drillId);
}

/** One-sentence advice per guideline verdict, in zh-CN and en, written from GUIDELINES.md's seven points. */

import type { UiLang } from './ui-lang.ts';

/** Advice keys: `<guideline>.<status>` plus a few specific cases. */
export const ADVICE: Record<string, Record<UiLang, string>> = {
  'rate.low': {
    'zh-CN': '语速偏慢，客户容易不耐烦：在熟悉的内容上稍微加快一点。',
    en: 'You are speaking slowly enough to test the caller’s patience: move a little faster through familiar lines.',
  },
  'rate.borderline': {
    'zh-CN': '语速接近合适范围的边缘：保持平稳，新的或重要的信息再放慢。',
    en: 'Your pace is at the edge of the comfortable range: keep it even, and slow down only for new or important details.',
  },
  'rate.good': {
    'zh-CN': '语速不快不慢，保持这个节奏，并留意跟上客户的语速。',
    en: 'Neither fast nor slow: keep this pace, and match it to the caller’s.',
  },
  'rate.borderlineLow': {
    'zh-CN': '语速略慢于合适范围：熟悉的内容可以稍微加快，重要信息再放慢。',
    en: 'A little slower than the comfortable range: pick up the pace slightly on familiar lines, and slow down only for important details.',
  },
  'rate.borderlineHigh': {
    'zh-CN': '语速略快于合适范围：稍微放慢，新的或重要的信息说得更慢。',
    en: 'A little faster than the comfortable range: ease off slightly, and slow down most on new or important details.',
  },
  'rate.high': {
    'zh-CN': '语速偏快，听起来像在推销：放慢一些，重要信息说得更慢。',
    en: 'You are rushing, which sounds like a pushy sales pitch: slow down, most of all on important details.',
  },
  'rate.unmeasured': {
    'zh-CN': '没有测到足够的语音来计算语速。',
    en: 'Not enough speech was heard to measure your pace.',
  },
  'volume.low': {
    'zh-CN': '录音音量太小，客户会一再请您大声点：靠近麦克风或提高音量。',
    en: 'The recording is too quiet, so callers would keep asking you to speak up: move closer to the microphone or speak up.',
  },
  'volume.borderline': {
    'zh-CN': '录音音量接近边缘：调整与麦克风的距离，避免峰值过高或噪声过大。',
    en: 'The recording level is borderline: adjust your distance to the microphone, and watch for high peaks or background noise.',
  },
  'volume.good': {
    'zh-CN': '录音音量合适，清晰而不刺耳。',
    en: 'Recording level is right: clear without being harsh.',
  },
  'volume.borderlineLow': {
    'zh-CN': '录音音量偏小：离麦克风近一点，或说话稍微大声一点。',
    en: 'The recording is a little quiet: move a bit closer to the microphone or speak up slightly.',
  },
  'volume.borderlineHigh': {
    'zh-CN': '录音音量偏大：离麦克风远一点，或说话稍微轻一点。',
    en: 'The recording is a little loud: move a bit back from the microphone or soften your voice slightly.',
  },
  'volume.peakNearClipping': {
    'zh-CN': '峰值接近削波：平均音量合适，但个别字太冲，离麦克风稍远一点，“爸”“跑”这类爆破音说得轻一些。',
    en: 'Peaks come close to clipping: the average level is fine, but some sounds hit too hard, so back off the microphone a little and soften plosives such as “p” and “b”.',
  },
  'volume.peakTooHot': {
    'zh-CN': '峰值几乎到顶，离削波只差一点：离麦克风远一点或放轻声音。',
    en: 'Peaks are right at the top, a hair from clipping: back off the microphone or soften your voice.',
  },
  'volume.clipping': {
    'zh-CN': '录音出现削波（声音失真）：离麦克风远一点或放轻声音，必要时调低麦克风增益。',
    en: 'The recording clips (the sound distorts): back off the microphone or soften your voice, and lower the microphone gain if you can.',
  },
  'volume.high': {
    'zh-CN': '声音太大或已削波，会刺耳并带入呼吸和键盘声：离麦克风远一点或放轻声音。',
    en: 'Too loud or clipping, which hurts the ear and carries breathing and keyboard noise: back off the microphone or soften your voice.',
  },
  'volume.noisy': {
    'zh-CN': '背景噪声偏大：换个安静的地方，或关掉风扇等噪声源再录。',
    en: 'There is a lot of background noise: find a quieter spot or switch off fans and other noise before recording.',
  },
  'volume.unmeasured': {
    'zh-CN': '没有测到语音，无法评估音量。',
    en: 'No speech was heard, so the level cannot be judged.',
  },
  'effort.low': {
    'zh-CN': '比您平时的音量轻：声音太轻会听不清，放开一点。',
    en: 'Softer than your own usual level: a soft voice is hard to follow, so open up a little.',
  },
  'effort.borderline': {
    'zh-CN': '音量与您平时相比略有偏离：尽量保持自然的音量。',
    en: 'Your level drifts from your usual one: aim for your natural speaking level.',
  },
  'effort.good': {
    'zh-CN': '音量与您平时的自然音量一致。',
    en: 'Your level matches your natural speaking level.',
  },
  'effort.borderlineLow': {
    'zh-CN': '比您平时的音量略轻：稍微放开一点，用自然的音量说话。',
    en: 'A little softer than your usual level: open up slightly to your natural speaking level.',
  },
  'effort.borderlineHigh': {
    'zh-CN': '比您平时的音量略大：放松一点，回到自然的音量。',
    en: 'A little louder than your usual level: relax back to your natural speaking level.',
  },
  'effort.high': {
    'zh-CN': '比您平时大声很多，听起来会刺耳：放松，用正常音量说话。',
    en: 'Much louder than your usual level, which comes across as harsh: relax and use your normal voice.',
  },
  'effort.calibrateFirst': {
    'zh-CN': '请先完成校准（朗读一句中性的句子），才能和您平时的音量比较。',
    en: 'Calibrate first (read one neutral sentence) so your level can be compared with your own usual level.',
  },
  'effort.unmeasured': {
    'zh-CN': '没有测到语音，无法和您平时的音量比较。',
    en: 'No speech was heard, so your level cannot be compared with your usual one.',
  },
  'steadiness.good': {
    'zh-CN': '各句音量平稳，句尾没有减弱。',
    en: 'Your level stays steady from phrase to phrase, right to the end.',
  },
  'steadiness.borderline': {
    'zh-CN': '各句音量有些起伏：整句话保持同样的力度。',
    en: 'Your level wavers between phrases: keep the same energy through every phrase.',
  },
  'steadiness.high': {
    'zh-CN': '音量忽大忽小或句尾明显减弱：每一句都要说完整、说清楚。',
    en: 'Your level jumps around or trails off: carry every phrase through to its last word.',
  },
  'steadiness.trailingOff': {
    'zh-CN': '最后一句明显变轻：句尾保持音量，不要“吞”掉。',
    en: 'The last phrase trails off: keep your voice up to the very end.',
  },
  'steadiness.unmeasured': {
    'zh-CN': '短语太少，无法评估音量是否平稳。',
    en: 'Too few phrases to judge how steady your level is.',
  },
  'pitchLevel.low': {
    'zh-CN': '音调比您平时低：坐直、放松，把声音放在自己音域的中间。',
    en: 'Lower than your own usual pitch: sit up, relax and bring your voice back to the middle of your range.',
  },
  'pitchLevel.borderline': {
    'zh-CN': '音调与您平时略有偏离：保持在自己音域的中间，随内容起伏。',
    en: 'Your pitch drifts from your usual level: stay in the middle of your range and move with the content.',
  },
  'pitchLevel.good': {
    'zh-CN': '音调在您音域的中间，略带笑意，很好。',
    en: 'Your pitch sits in the middle of your range with a hint of a smile: good.',
  },
  'pitchLevel.borderlineLow': {
    'zh-CN': '音调略低于您平时：坐直、放松，带一点笑意把声音提回音域中间。',
    en: 'A little below your usual pitch: sit up, relax and let a smile bring your voice back to the middle of your range.',
  },
  'pitchLevel.borderlineHigh': {
    'zh-CN': '音调略高于您平时：深呼吸、放松喉咙，回到音域中间。',
    en: 'A little above your usual pitch: breathe evenly, relax your throat and come back to the middle of your range.',
  },
  'pitchLevel.high': {
    'zh-CN': '音调明显高于平时，听起来紧张或尖：深呼吸，放松喉咙。',
    en: 'Well above your usual pitch, which sounds strained or shrill: breathe evenly and relax your throat.',
  },
  'pitchLevel.calibrateFirst': {
    'zh-CN': '请先完成校准，才能和您平时的音调比较。',
    en: 'Calibrate first so your pitch can be compared with your own usual pitch.',
  },
  'pitchLevel.unmeasured': {
    'zh-CN': '有声部分太少，无法和您平时的音调比较。',
    en: 'Too little voiced speech to compare your pitch with your usual one.',
  },
  'pitchVariety.low': {
    'zh-CN': '语调太平，像“接线员腔”：想象客户就在面前，让声音有起伏，关键词上扬。',
    en: 'Too flat, the single-pitch “operator” voice: picture the caller in front of you and let your voice rise and fall, lifting the key words.',
  },
  'pitchVariety.borderline': {
    'zh-CN': '语调起伏稍显不足或过度：在关键词上自然地抬高音调。',
    en: 'Your intonation is a little short of lively, or a little much: lift the key words naturally.',
  },
  'pitchVariety.good': {
    'zh-CN': '抑扬顿挫自然，有起伏而不夸张。',
    en: 'Natural rise and fall: lively without overdoing it.',
  },
  'pitchVariety.borderlineLow': {
    'zh-CN': '语调起伏稍显不足：在关键词上自然地抬高音调，让声音更有起伏。',
    en: 'Your intonation is a little short of lively: lift the key words naturally and let your voice rise and fall more.',
  },
  'pitchVariety.borderlineHigh': {
    'zh-CN': '语调起伏稍大：收一点，只在关键词上抬高音调。',
    en: 'Your intonation swings a little much: tone it down and lift only the key words.',
  },
  'pitchVariety.high': {
    'zh-CN': '音调起伏过大，听起来不稳定：放松一些（也可能是录音干扰了测量）。',
    en: 'Your pitch swings very widely, which sounds unsettled: calm it down (or the recording may have confused the measurement).',
  },
  'pitchVariety.unmeasured': {
    'zh-CN': '有声部分太少，无法测量语调。',
    en: 'Too little voiced speech to measure your intonation.',
  },
  'pauses.low': {
    'zh-CN': '各部分之间没有停顿，一口气说完：在问候、自我介绍和服务语之间稍作停顿。',
    en: 'No breaks between the parts, all in one breath: pause briefly between the greeting, your name and the offer to help.',
  },
  'pauses.borderline': {
    'zh-CN': '停顿的位置或长短不太理想：在每个部分之间停顿半秒左右，部分内部不要停。',
    en: 'Your pauses are not quite where or as long as they should be: about half a second between parts, none inside a part.',
  },
  'pauses.good': {
    'zh-CN': '停顿自然，各部分清楚分开。',
    en: 'Natural pauses that set the parts apart clearly.',
  },
  'pauses.borderlineHigh': {
    'zh-CN': '部分之间的停顿偏长：每个部分之间停顿半秒左右即可。',
    en: 'A break between the parts runs long: about half a second between parts is enough.',
  },
  'pauses.pausesInsidePart': {
    'zh-CN': '有的部分中间停顿了不止一次：每个部分一口气说完，只在部分之间停顿。',
    en: 'A part was broken by more than one pause: say each part in one go, and pause only between parts.',
  },
  'pauses.high': {
    'zh-CN': '停顿太长（超过 1.2 秒），客户会以为断线了：说得更连贯一些。',
    en: 'A pause of over 1.2 s makes the caller wonder if the line dropped: keep it flowing.',
  },
  'pauses.unmeasured': {
    'zh-CN': '没有测到语音，无法评估停顿。',
    en: 'No speech was heard, so pauses cannot be judged.',
  },
  'emphasis.good': {
    'zh-CN': '关键词突出，客户能听出重点。',
    en: 'Your key words stand out, so the caller hears what matters.',
  },
  'emphasis.low': {
    'zh-CN': '关键词没有突出：在关键词上抬高音调、稍微放慢。',
    en: 'The key words do not stand out: raise your pitch and slow down a touch on them.',
  },
  'emphasis.borderline': {
    'zh-CN': '关键词略有突出，还可以更明显：音调再高一点，字再拉长一点。',
    en: 'The key words stand out a little: lift the pitch and stretch them a bit more.',
  },
  'emphasis.high': {
    'zh-CN': '关键词强调过度：自然一些即可。',
    en: 'The key words are over-stressed: a lighter touch is enough.',
  },
  'emphasis.unmeasured': {
    'zh-CN': '这段练习没有标记关键词，或未能在录音中定位关键词：朗读时仍请在关键词上抬高音调、稍微放慢。',
    en: 'No key words are marked in this drill, or they could not be located: still lift your pitch and slow a touch on them.',
  },
  // Chosen by the scorecard (not the report) for an unmeasured emphasis row: why it is unmeasured.
  'emphasis.noSpeech': {
    'zh-CN': '没有测到语音，无法评估关键词。',
    en: 'No speech was heard, so the key words cannot be judged.',
  },
  'emphasis.notLocated': {
    'zh-CN': '未能在录音中定位关键词：朗读时仍请在关键词上抬高音调、稍微放慢。',
    en: 'The key words could not be located in the recording: still lift your pitch and slow a touch on them.',
  },
  'emphasis.noneMarked': {
    'zh-CN': '这段练习没有标记关键词。',
    en: 'No key words are marked in this drill.',
  },
  'warmth.unmeasured': {
    'zh-CN': '“微笑的声音”为实验性指标：需要先录一段您的中性朗读作对比。',
    en: 'Warmth (“let them hear your smile”) is experimental and needs a neutral reading of yours to compare with.',
  },
  'warmth.good': {
    'zh-CN': '听得出笑意（实验性指标）。',
    en: 'Your smile comes through (experimental).',
  },
  'warmth.low': {
    'zh-CN': '笑意不明显（实验性指标）：拨号前就开始微笑。',
    en: 'Not much smile in the voice (experimental): start smiling before you dial.',
  },
  'warmth.borderline': {
    'zh-CN': '有一点笑意（实验性指标），还可以更明显。',
    en: 'A hint of a smile (experimental): let a little more show.',
  },
  'warmth.notBrighter': {
    'zh-CN': '音调已经提高，但声音还不够明亮（实验性指标）：真正地微笑，让嘴角上扬。',
    en: 'Your pitch rose, but the voice is not brighter (experimental): really smile, lifting the corners of your mouth.',
  },
};

/** The advice sentence for a key in a UI language; falls back to the generic `<guideline>.unmeasured`. */
export function adviceText(key: string, lang: UiLang): string {
  const entry = ADVICE[key] ?? ADVICE[`${key.split('.')[0]}.unmeasured`];
  return entry ? entry[lang] : key;
}

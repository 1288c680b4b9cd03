/** 单声道通话“哪个声音是你？”及逐段更正的中文文案（展开到 zh-CN.ts）。 */
import type { CALL_VOICES_EN } from './call-voices-en.ts';

/** The zh-CN messages of CALL_VOICES_EN. */
export const CALL_VOICES_ZH: Readonly<Record<keyof typeof CALL_VOICES_EN, string>> = {
  'call.voices.title': '哪个声音是你？',
  'call.voices.hint': '两个声音在同一声道上，是按声音特点区分开的：分别听一听，选出你自己的。',
  'call.voices.notConfident': '两个声音未能可靠地区分开，所以整通电话都按你的发言分析；请试听，并在下方标出属于客户的发言。',
  'call.voices.noAudio': '选择你的声音和更正说话人需要通话录音，而这通电话只保留了分析结果。',
  'call.voices.voice': '声音 {n}',
  'call.voices.opens': '先开口',
  'call.voices.speech': '说话 {time}',
  'call.voices.isYou': '当前按你分析',
  'call.voices.listen': '试听',
  'call.voices.stop': '停止',
  'call.voices.listenLabel': '试听声音 {n} 的片段',
  'call.voices.stopLabel': '停止播放声音 {n} 的片段',
  'call.voices.noSample': '这个声音没有足够长的片段可以播放。',
  'call.voices.choose': '这是我',
  'call.voices.chooseLabel': '这是我：声音 {n}（将重新分析这通电话）',
  'call.voices.playError': '片段无法播放；分析结果仍然显示。',
  'call.voices.done': '已按你的选择重新分析。',
  'call.voices.cancelled': '重新分析已取消，通话保持原样。',
  'call.voices.corrections': '你已更正 {count} 段发言。',
  'call.turns.allTitle': '各段发言及说话人（{count}）',
  'call.turns.markMe': '这是我',
  'call.turns.markCustomer': '这是客户',
  'call.turns.markMeLabel': '这是我：{time} 的发言（将重新分析这通电话）',
  'call.turns.markCustomerLabel': '这是客户：{time} 的发言（将重新分析这通电话）',
  'call.turns.marking': '正在重新分析这通电话…',
};

/** Simplified Chinese messages of the call's opening greeting (spread into zh-CN.ts); typed against the English keys. */
import type { CALL_GREETING_EN } from './call-greeting-en.ts';

/** The opening greeting's zh-CN messages. */
export const CALL_GREETING_ZH: Readonly<Record<keyof typeof CALL_GREETING_EN, string>> = {
  'calls.greeting.legend': '开场问候的评分模板',
  'calls.greeting.greeting3': '三段式',
  'calls.greeting.greeting4': '四段式',
  'calls.greeting.name': '问候中你的名字',
  'calls.greeting.company': '问候中的公司名称',
  'calls.greeting.script': '你的第一组话语会像练习一样对照以下文稿打分：“{script}”',
  'calls.greeting.fromProfile': '名字和公司取自“设置”中的个人资料。',
  'call.greeting.title': '开场问候',
  'call.greeting.span': '你的第一组话语（{start}–{end}）像练习录音一样对照“{drill}”打分。',
  'call.greeting.none': '没有可评分的开场问候：本通话第一分钟内你没有说话。',
  'call.greeting.notScored': '本通话是在问候评分功能推出前导入的：请选择问候类型，用保留的音频现在打分。',
  'call.greeting.notScoredNoAudio': '本通话是在问候评分功能推出前导入的，且没有保留音频，因此无法为开场问候打分。',
  'call.greeting.scoreNow': '为开场问候打分',
  'call.greeting.play': '播放开场问候',
  'call.greeting.practise': '练习这段问候',
  'call.greeting.summary': '开场问候（{start}–{end}）：{total} 项中 {good} 项良好。',
  'call.greeting.toChange': '需要改进：{list}。',
};

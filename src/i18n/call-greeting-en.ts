/** English messages of the call's opening greeting (issue 11 point 4): the import's template choice and the call page's section. */
export const CALL_GREETING_EN = {
  'calls.greeting.legend': 'Greeting to score the opening against',
  'calls.greeting.greeting3': 'Three-part',
  'calls.greeting.greeting4': 'Four-part',
  'calls.greeting.name': 'Your name in the greeting',
  'calls.greeting.company': 'Company name in the greeting',
  'calls.greeting.script': 'Your first phrase group is scored like a drill against: “{script}”',
  'calls.greeting.fromProfile': 'Your name and company come from your profile in Settings.',
  'call.greeting.title': 'Opening greeting',
  'call.greeting.span': 'Your first phrase group, {start}–{end}, scored against the {drill} like a practice take.',
  'call.greeting.none': 'No opening greeting was scored: you do not speak in the first minute of this call, or it was imported before greetings were scored.',
  'call.greeting.play': 'Play the greeting',
  'call.greeting.practise': 'Practise this greeting',
  'call.greeting.summary': 'Opening greeting ({start}–{end}): {good} of {total} guidelines good.',
  'call.greeting.toChange': 'To change: {list}.',
} as const;

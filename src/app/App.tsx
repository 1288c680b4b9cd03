/** The app shell. Screens (Practice, History, Progress, Settings) arrive with their issues. */
import { ANALYSIS_VERSION } from '../analysis/index.ts';

/** Minimal shell: title, what the app is, and the engine version. */
export function App(): React.JSX.Element {
  const zh = typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('zh');
  return (
    <main className="shell">
      <h1>VoiceDrill</h1>
      <p>
        {zh
          ? '练习电话服务中的语调、语速和音量。一切都在您的电脑上运行，录音不会离开这台机器。'
          : 'Practise tone, pace and volume for the phone. Everything runs on your machine; your audio never leaves it.'}
      </p>
      <p className="version">analysis {ANALYSIS_VERSION}</p>
    </main>
  );
}

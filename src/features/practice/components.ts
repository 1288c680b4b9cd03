/** The practice feature's components and hooks that other screens reuse (the calibration, the take screen). */
export { ScorecardView, type ScorecardViewProps } from './ScorecardView.tsx';
export { TakeAudio, type TakeAudioProps } from './TakeAudio.tsx';
export { RecordPanel, type RecordPanelProps } from './RecordPanel.tsx';
export { useBusyGuard } from './use-busy-guard.ts';
export { useSpaceKey } from './use-space-key.ts';
export { ScriptView } from './ScriptView.tsx';

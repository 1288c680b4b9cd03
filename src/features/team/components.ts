/** The team feature's public surface (issue 13): the settings section, the header chip, a take's audio button, the roster's and the editor's team parts. */
export { TeamServerPanel } from './TeamServerPanel.tsx';
export { SyncChip } from './SyncChip.tsx';
export { ShareTakeAudio } from './ShareTakeAudio.tsx';
export { useTeam, type TeamState } from './use-team.ts';
export { PublishPanel, type PublishPanelProps } from './PublishPanel.tsx';

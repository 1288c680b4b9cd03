/** The agent's side of trainer packs: components other screens show (practice, Settings). */
export { AssignedList, type AssignedListProps } from './AssignedList.tsx';
export { DrillNotesView } from './DrillNotesView.tsx';
export { ModelComparisonView, type ModelComparisonViewProps } from './ModelComparisonView.tsx';
export { PackImportPanel } from './PackImportPanel.tsx';
export { useAssigned, type Assigned } from './use-assigned.ts';

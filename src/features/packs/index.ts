/** The agent's side of trainer packs: pure models other features may use. */
export { assignedItems, changedBands, importMessage, localDay, slowRuns, type AssignedItem, type ChangedBand, type SlowRun } from './assigned-model.ts';

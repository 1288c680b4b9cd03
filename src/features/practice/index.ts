/** The practice feature's pure public surface (state machine, constants) that the calibration reuses; components are in components.ts. */
export { canStart, INITIAL_PRACTICE, practiceReducer, spaceAction, statusMessage, type PracticeState } from './practice-model.ts';
export { TOO_SHORT_SPEECH_SEC } from './warnings-model.ts';

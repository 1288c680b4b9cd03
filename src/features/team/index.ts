/** The team feature's pure models, for other features (the roster's live source, the editor's publish). */
export { chipText, defaultDeviceName, liveTakesOf, managesPacks, reasonText, teamErrorKey } from './team-model.ts';

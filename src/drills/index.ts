/** Public surface of the drills: types, built-ins, rendering for an agent, validation of custom drills. */
export type { Drill, DrillKind, DrillProfile, DisplayPart, DisplaySegment, RenderedDrill } from './types.ts';
export { DRILL_KINDS, GREETING_PART_COUNT } from './types.ts';
export { BUILT_IN_DRILLS, BUILT_IN_GREETINGS, BUILT_IN_PASSAGES, builtInDrillsFor, drillOfTake, findBuiltInDrill } from './builtin.ts';
export { SAMPLE_PROFILE, MAX_FILL_CHARS, cleanFill, displayPartsOf, fillTemplate, renderDrill } from './render.ts';
export { PASSAGE_SYLLABLES, parseDrill, type ParseDrillResult } from './schema.ts';

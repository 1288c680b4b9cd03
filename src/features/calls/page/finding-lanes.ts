/** Which lanes a finding covers on the timeline: the agent's own delivery on the agent lane, shared moments on both. */
import type { CallFindingId } from '../../../guidelines/call-rules.ts';
import type { Speaker } from './call-types.ts';

/** The lanes of a finding, top first. */
export function findingLanes(id: CallFindingId): readonly Speaker[] {
  return id === 'deadAir' || id === 'overtalk' ? ['agent', 'customer'] : ['agent'];
}

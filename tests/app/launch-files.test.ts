/** "Open with VoiceDrill": launched files are queued for the Calls screen and the app goes there; the channel suggestion. */
import { describe, expect, it } from 'vitest';
import { consumeLaunchedFiles } from '../../src/app/launch-files.ts';
import { otherChannelOpens } from '../../src/calls/channel-suggestion.ts';
import { onOpenedFiles, takeOpenedFiles } from '../../src/services/opened-files.ts';
import type { Route } from '../../src/services/routes.ts';

describe('launched files', () => {
  it('queue the files of a launch and open the Calls screen; directories and launches without files are ignored', async () => {
    let consumer: ((params: unknown) => void) | null = null;
    const routes: Route[] = [];
    let told = 0;
    const stop = onOpenedFiles(() => told++);
    consumeLaunchedFiles((r) => routes.push(r), { launchQueue: { setConsumer: (c: (params: unknown) => void) => { consumer = c; } } });
    expect(consumer).not.toBeNull();
    const a = new File(['a'], 'a.wav');
    const b = new File(['b'], 'b.mp3');
    consumer!({ files: [] });
    consumer!({ files: [{ kind: 'file', getFile: async () => a }, { kind: 'directory' }, { kind: 'file', getFile: async () => b }] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(routes).toEqual([{ screen: 'calls' }]);
    expect(told).toBe(1);
    expect(takeOpenedFiles()).toEqual([a, b]);
    expect(takeOpenedFiles()).toEqual([]);
    stop();
  });

  it('do nothing where the browser has no launchQueue', () => {
    expect(() => consumeLaunchedFiles(() => undefined, {})).not.toThrow();
  });
});

describe('otherChannelOpens', () => {
  const turn = (speaker: 'agent' | 'customer') => ({ speaker, startSec: 0, endSec: 1, speechSec: 1, syllables: null, syllablesPerSec: null, activeLevelDbfs: null, pitchSdSt: null });
  it('suggests the other channel when the customer side speaks first, since calls open with the agent’s greeting', () => {
    expect(otherChannelOpens({ agentChannel: 'left', turns: [turn('customer'), turn('agent')] })).toBe('right');
    expect(otherChannelOpens({ agentChannel: 'right', turns: [turn('customer')] })).toBe('left');
    expect(otherChannelOpens({ agentChannel: 'left', turns: [turn('agent'), turn('customer')] })).toBeNull();
    expect(otherChannelOpens({ agentChannel: 'left', turns: [] })).toBeNull();
    // A mono call has no other channel to offer (its voices are chosen by listening).
    expect(otherChannelOpens({ agentChannel: 'mono', turns: [turn('customer'), turn('agent')] })).toBeNull();
  });
});

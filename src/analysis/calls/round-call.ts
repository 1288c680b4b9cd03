/** Rounding of a call report with the rules of round.ts: seconds 3 decimals, syllables/s 2, ratios 2, dB 2, st 2, fractions 3 significant digits. */
import { DECIMALS, roundFraction, roundOrNull, roundTo } from '../round.ts';
import type { CallReport } from './report.ts';

const sec = (x: number): number => roundTo(x, DECIMALS.sec);
const rate = (x: number | null): number | null => roundOrNull(x, DECIMALS.perSec);
const ratio = (x: number | null): number | null => roundOrNull(x, DECIMALS.ratio);

/** The report with every number rounded for display and export. */
export function roundCallReport(r: CallReport): CallReport {
  const s = r.talkShare;
  return {
    ...r,
    durationSec: sec(r.durationSec),
    turns: r.turns.map((t) => ({
      speaker: t.speaker, startSec: sec(t.startSec), endSec: sec(t.endSec), speechSec: sec(t.speechSec),
      syllables: t.syllables, syllablesPerSec: rate(t.syllablesPerSec),
      activeLevelDbfs: roundOrNull(t.activeLevelDbfs, DECIMALS.db), pitchSdSt: roundOrNull(t.pitchSdSt, DECIMALS.st),
    })),
    sounds: r.sounds.map((x) => ({ channel: x.channel, startSec: sec(x.startSec), endSec: sec(x.endSec), kind: x.kind })),
    talkShare: {
      agentSec: sec(s.agentSec), customerSec: sec(s.customerSec), overlapSec: sec(s.overlapSec), silenceSec: sec(s.silenceSec),
      agentFraction: roundFraction(s.agentFraction), customerFraction: roundFraction(s.customerFraction),
      overlapFraction: roundFraction(s.overlapFraction), silenceFraction: roundFraction(s.silenceFraction),
    },
    pace: {
      agentSyllablesPerSec: rate(r.pace.agentSyllablesPerSec),
      customerSyllablesPerSec: rate(r.pace.customerSyllablesPerSec),
      ratio: ratio(r.pace.ratio),
      exchanges: r.pace.exchanges.map((e) => ({
        ...e,
        customerSyllablesPerSec: rate(e.customerSyllablesPerSec) as number,
        agentSyllablesPerSec: rate(e.agentSyllablesPerSec) as number,
        ratio: ratio(e.ratio) as number,
      })),
    },
    responses: r.responses.map((g) => ({ customerEndSec: sec(g.customerEndSec), agentStartSec: sec(g.agentStartSec), gapSec: sec(g.gapSec) })),
    longestAgentTurnSec: r.longestAgentTurnSec === null ? null : sec(r.longestAgentTurnSec),
    agentReferenceLevelDbfs: roundOrNull(r.agentReferenceLevelDbfs, DECIMALS.db),
    findings: r.findings.map((f) => ({ ...f, startSec: sec(f.startSec), endSec: sec(f.endSec), durationSec: sec(f.durationSec), ratio: ratio(f.ratio) })),
  };
}

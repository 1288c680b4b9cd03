/** The readable table and the CSV of `voicedrill call`. */
import { DECIMALS, quantile, type CallFinding, type CallReport } from './analysis.ts';
import { formatNumber, NOT_MEASURED } from './format-table.ts';

const LABEL_WIDTH = 19;

function row(label: string, text: string): string {
  return `  ${label.padEnd(LABEL_WIDTH)}${text}`;
}

/** A time in the call as m:ss (minutes unbounded, seconds rounded down), e.g. "0:07", "61:05". */
export function formatClock(sec: number): string {
  const whole = Math.max(0, Math.floor(sec));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

// The median (the analysis core's quantile: the mean of the middle two of an even count), null for none.
const median = (values: readonly number[]): number | null => (values.length > 0 ? quantile(values, 0.5) : null);

const sec = (x: number | null): string => formatNumber(x, DECIMALS.sec, 's');
const rate = (x: number | null): string => formatNumber(x, DECIMALS.perSec, 'syl/s');

/** What a finding is, in words, after its id. */
function findingDetail(f: CallFinding): string {
  const parts = [sec(f.durationSec)];
  if (f.startedBy !== null) parts.push(`started by the ${f.startedBy}`);
  if (f.ratio !== null) parts.push(`agent ÷ customer pace ${formatNumber(f.ratio, DECIMALS.ratio)}`);
  return parts.join(', ');
}

/** A mono call's diarisation: told apart or not, and how far apart the voices are. */
function diarisationLine(d: NonNullable<CallReport['diarisation']>): string {
  const how = `separation ${formatNumber(d.separation, DECIMALS.ratio)}`;
  return d.confident
    ? `two voices told apart (${how}); the agent is ${d.agentSpeaker === 0 ? 'the one who opens the call' : 'the voice that does not open the call (--agent-voice second)'}`
    : `the two voices could not be told apart (${how}); all speech is analysed as the agent's`;
}

/** One call's block: the summary, then each finding with its start and end as m:ss. */
export function formatCallTable(file: string, report: CallReport): string {
  const share = report.talkShare;
  const agentTurns = report.turns.filter((t) => t.speaker === 'agent').length;
  const gaps = report.responses.map((r) => r.gapSec);
  const lines = [
    `${file}  (${formatClock(report.durationSec)}, ${report.sampleRateHz} Hz, ${report.agentChannel === 'mono' ? 'mono: both voices on one channel' : `agent on the ${report.agentChannel} channel`}, ${report.lang}, call rules ${report.callRulesVersion})`,
    row('talk share', `agent ${percent(share.agentFraction)} · customer ${percent(share.customerFraction)} · both ${percent(share.overlapFraction)} · silence ${percent(share.silenceFraction)}`),
    row('turns', `${report.turns.length} (agent ${agentTurns}, customer ${report.turns.length - agentTurns})`),
    row('pace', `agent ${rate(report.pace.agentSyllablesPerSec)} · customer ${rate(report.pace.customerSyllablesPerSec)} · agent ÷ customer ${formatNumber(report.pace.ratio, DECIMALS.ratio)}`),
    row('response gaps', gaps.length === 0 ? NOT_MEASURED : `${gaps.length}, median ${sec(median(gaps))}, longest ${sec(Math.max(...gaps))}`),
    row('longest agent turn', sec(report.longestAgentTurnSec)),
  ];
  if (report.diarisation) lines.push(row('voices', diarisationLine(report.diarisation)));
  if (!report.agentSpeechFound) lines.push(row('warning', 'no agent speech found; is --agent the right channel?'));
  if (!report.customerSpeechFound) lines.push(row('warning', 'no customer speech found on the other channel'));
  if (report.findings.length === 0) lines.push(row('findings', 'none'));
  else {
    lines.push(row('findings', String(report.findings.length)));
    const idWidth = Math.max(...report.findings.map((f) => f.id.length));
    for (const f of report.findings) {
      lines.push(`    ${formatClock(f.startSec).padStart(5)}–${formatClock(f.endSec).padEnd(5)}  ${f.id.padEnd(idWidth)}  ${findingDetail(f)}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The header of the --csv output: one row per finding. */
export const CALL_CSV_HEADER = 'file,finding,start_s,end_s,duration_s,started_by,ratio';

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV rows (no header) of one call's findings; empty fields where a column does not apply. */
export function callCsvRows(file: string, report: CallReport): string[] {
  return report.findings.map((f) =>
    [csvField(file), f.id, String(f.startSec), String(f.endSec), String(f.durationSec), f.startedBy ?? '', f.ratio === null ? '' : String(f.ratio)].join(','),
  );
}

/** Praat, when installed, reading a TextGrid back (the --textgrid tests of analyze and call). */
import { spawnSync } from 'node:child_process';

/** True when the praat command runs. */
export const HAVE_PRAAT = spawnSync('praat', ['--version']).status === 0;
/** Reads a TextGrid, prints "tiers N" then "interval|point COUNT NAME" per tier and the labels, and saves it again. */
export const READ_BACK_PRAAT = `form Read a TextGrid back
  sentence path
  sentence resaved
endform
Text writing preferences: "UTF-8"
Read from file: path$
n = Get number of tiers
writeInfoLine: "tiers ", n
for i to n
  name$ = Get tier name: i
  interval = Is interval tier: i
  if interval
    k = Get number of intervals: i
    appendInfoLine: "interval ", k, " ", name$
    for j to k
      label$ = Get label of interval: i, j
      start = Get start time of interval: i, j
      end = Get end time of interval: i, j
      appendInfoLine: "  ", start, " ", end, " ", label$
    endfor
  else
    k = Get number of points: i
    appendInfoLine: "point ", k, " ", name$
  endif
endfor
Save as text file: resaved$
`;


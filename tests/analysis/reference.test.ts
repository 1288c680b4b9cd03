// The whole pipeline against Praat's reference numbers for ../shared/fixtures (skipped when absent).
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseFixtures, criterionMet, evaluateAccuracy, type Criterion } from '../helpers/accuracy.ts';
import { haveFixtures } from '../helpers/fixtures.ts';

describe.skipIf(!haveFixtures)('analysis against reference.csv', () => {
  let criteria: Criterion[] = [];
  beforeAll(async () => { criteria = evaluateAccuracy(await analyseFixtures()); }, 120_000);

  it('evaluates every acceptance criterion on a non-empty set', () => {
    expect(criteria.length).toBe(10);
    for (const c of criteria) expect(c.total, c.name).toBeGreaterThan(0);
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])('criterion %i holds', (i) => {
    const c = criteria[i];
    expect(criterionMet(c), `${c.name}: ${c.pass}/${c.total}; failed: ${c.failed.join(', ')} ${c.detail}`).toBe(true);
  });
});

/** Test profiles: the same name and company in both script languages (what a schema-1 profile restores to). */
import type { Lang } from '../../src/analysis/index.ts';

/** A profile's fills with one name and company for both script languages. */
export function fillsBoth(name: string, company: string): Record<Lang, { name: string; company: string }> {
  return { zh: { name, company }, en: { name, company } };
}

/** The review feature's public surface: a take's review and the comparison of two takes. */
export { TakeReview } from './TakeReview.tsx';
export { CompareTakes } from './compare-takes.tsx';

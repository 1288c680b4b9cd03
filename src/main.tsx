/**
 * App entry. Start-up's first script (app/early-start.ts) may paint the route's first view from what the
 * app stored last time (a progress chart, a take's contour: docs/adr/0009-first-paint.md); the app itself
 * (React, Dexie, the shell: app/start.tsx) is evaluated only once that paint is on screen, so its ≈ 0.7 MB
 * of script does not hold the first paint back. Routes without a first paint go straight on.
 */
import './app/app.css';
import { firstPaintDone } from './app/early-start.ts';

await firstPaintDone;
await import('./app/start.tsx');

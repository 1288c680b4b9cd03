/** Trainer packs, pack links, results files and the roster: pure, shared by the app and the CLI. */
export * from './types.ts';
export { readZip, writeZip, type ZipLimits } from './zip.ts';
export { parsePackJson } from './pack-schema.ts';
export { readPackFile, writePackFile } from './pack-file.ts';
export { packLinkPayload, packLinkUrl, readPackLink } from './link.ts';
export { qrModules } from './qr.ts';
export { parseResultsJson } from './results-schema.ts';
export { readResultsFile, writeResultsFile } from './results-file.ts';
export { buildRoster, rosterCsv, type RosterInput } from './roster.ts';

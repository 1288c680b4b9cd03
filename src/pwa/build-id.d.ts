/** Build id injected by vite.config.ts (`define`); shown in Settings and used by the update test. */
declare const __VOICEDRILL_BUILD_ID__: string;

// Lint: strict TypeScript, and walls between layers (the dependency arrows point toward src/analysis).
// Layers, top to bottom (docs/adr/0004-layers.md):
//   app (the shell) → features → takes, calls, capture, services, ui → storage, backup, drills, packs, i18n → guidelines ← analysis
// src/packs (trainer packs, links, results files, the roster: pure, host-free) sits beside src/drills; the CLI imports it too.
// src/media (pure byte-level file readers: WAV) sits beside src/analysis, under the call worker and the CLI; it imports nothing of src/.
// Only src/takes, the analysis worker, the capture worklet and the CLI run analysis code; the layers below
// the screens may name the report's types and read the version constant and the script parser.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NO_ANALYSIS = 'Screens, the shell, src/ui, src/services and src/capture get analysis results and types through src/takes.';

const hostOnly = ['**/audio/**', '**/workers/**', '**/storage/**', '**/features/**', '**/ui/**', '**/cli/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/analysis/**/*.ts', 'src/guidelines/**/*.ts', 'src/media/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: hostOnly, message: 'src/analysis is pure: it must not import a host layer.' },
          { group: ['node:*', 'fs', 'path', 'react', 'react-dom', 'dexie', 'wavesurfer.js', 'audio-decode'],
            message: 'src/analysis is pure: no Node, DOM or storage modules.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'process', 'Buffer', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['src/guidelines/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)analysis/', message: 'src/guidelines holds the ids, languages and statuses it is keyed by; it imports nothing from src/analysis.' }],
      }],
    },
  },
  {
    // The file readers take bytes through a given ReadBytes (an fs handle, File.slice) and import nothing else of src/.
    files: ['src/media/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '^\\.\\./', message: 'src/media reads bytes: it imports nothing of src/ outside its own folder.' }],
      }],
    },
  },
  {
    // Packs, links and results files are read on the agent's and the trainer's machines and by the CLI: no host globals.
    files: ['src/packs/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'process', 'Buffer', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)analysis/', message: NO_ANALYSIS },
          { regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!(index|components)\\.ts$)', message: 'A feature imports another feature only through its index.ts (models) or components.ts.' },
          { regex: '(^|/)app/', message: 'Features sit below the app shell: use src/services.' },
          { regex: '(^|/)takes/(?!index\\.ts$)', message: 'Screens use src/takes through its index.ts.' },
          { regex: '^(\\.\\./){2,}calls/(?!index\\.ts$)', message: 'Screens use src/calls through its index.ts.' },
        ],
      }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)analysis/', message: NO_ANALYSIS },
          { regex: 'features/[^/]+/(?!(index|components|first-paint)\\.ts$|[A-Za-z]+Screen\\.tsx$)', message: 'The shell imports a feature through its screen, index.ts, components.ts or first-paint.ts (start-up\'s first paint) only.' },
        ],
      }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/services/**/*.{ts,tsx}', 'src/capture/**/*.ts', 'src/takes/**/*.ts'],
    ignores: ['src/takes/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)analysis/', message: NO_ANALYSIS },
          { regex: '(^|/)(features|app)/', message: 'This layer sits below the screens and the shell.' },
        ],
      }],
    },
  },
  {
    files: ['src/takes/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)(features|app|ui)/', message: 'src/takes sits below the screens and the shell.' }],
      }],
    },
  },
  {
    // Recorded calls' lifecycle (import, worker, storage): the calls' equivalent of src/takes.
    files: ['src/calls/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)(features|app|ui|takes|capture)/', message: 'src/calls sits below the screens and the shell, beside src/takes.' }],
      }],
    },
  },
  {
    files: ['src/storage/**/*.ts', 'src/backup/**/*.ts', 'src/drills/**/*.ts', 'src/packs/**/*.ts', 'src/i18n/**/*.ts', 'src/pwa/**/*.{ts,tsx}', 'src/audio/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)analysis/(?!(report|script)\\.ts$)', allowTypeImports: true, message: 'Below src/takes, only the report types, ANALYSIS_VERSION (report.ts) and the script parser (script.ts) of src/analysis may be used.' },
          { regex: '(^|/)(features|app|ui|takes|capture|services)/', message: 'This layer sits below the take lifecycle and the screens.' },
        ],
      }],
    },
  },
  {
    // The capture worklet runs on the audio thread in its own bundle: the only host code that runs pitch
    // analysis (the live trace), and only YIN; it imports nothing from the layers above src/audio.
    files: ['src/audio/worklets/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)analysis/(?!pitch/yin\\.ts$)', message: 'The capture worklet runs YIN (src/analysis/pitch/yin.ts) for the live trace, nothing else of src/analysis.' },
          { regex: '(^|/)(features|app|ui|takes|capture|services|storage|backup|drills|i18n|workers)/', message: 'The worklet runs on the audio thread: pure code from src/audio and YIN only.' },
        ],
      }],
    },
  },
  {
    // The sync protocol (issue 13) crosses the network between the app and the server: pure, host-free shapes and
    // parsers, shared by both; it builds on the packs' shapes and nothing that lives on one side only.
    files: ['src/sync/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'process', 'Buffer', 'navigator', 'localStorage', 'fetch'],
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)(features|app|ui|takes|capture|services|storage|backup|team|calls|workers|audio|analysis)/', message: 'src/sync is pure: it imports the packs, drills and guidelines only.' }],
      }],
    },
  },
  {
    // The app's sync service (outbox, push and pull, status): below the screens and the shell, beside src/takes.
    files: ['src/team/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)(features|app|ui|capture|calls)/', message: 'src/team sits below the screens and the shell.' },
          { regex: '(^|/)analysis/', allowTypeImports: true, message: 'src/team gets analysis results through src/takes.' },
          { regex: '(^|/)takes/(?!index\\.ts$)', message: 'src/team uses src/takes through its index.ts.' },
        ],
      }],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value=/^(\\.\\.\\/){2,}team\\/(?!index\\.ts$)/]", message: 'Screens use src/team through its index.ts.' }],
    },
  },
  {
    // The sync server: Node, on the shared protocol, the packs' validation and the guidelines; nothing of the app's
    // storage, screens or audio.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/src/*/**', '!**/src/sync/**', '!**/src/packs/**', '!**/src/guidelines/**', '!**/src/drills/**'],
          message: 'The server imports the sync protocol, the packs, the drills and the guidelines only.' }],
      }],
    },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        // The drills (pure data: the built-in greetings, their templates and bands) for call --greeting; the
        // pure file readers of src/media (the WAV reader the call worker uses too).
        patterns: [{ group: ['**/src/*/**', '!**/src/analysis/**', '!**/src/guidelines/**', '!**/src/drills/**', '!**/src/packs/**', '!**/src/media/**'],
          message: 'The CLI imports the analysis core, the guidelines, the drills, the packs and the file readers (src/media) only.' }],
      }],
    },
  },
);

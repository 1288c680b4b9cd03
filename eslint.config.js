// Lint: strict TypeScript, and walls between layers (the dependency arrows point toward src/analysis).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    files: ['src/analysis/**/*.ts', 'src/guidelines/**/*.ts'],
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
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/src/*/**', '!**/src/analysis/**', '!**/src/guidelines/**'],
          message: 'The CLI imports the analysis core only.' }],
      }],
    },
  },
);

// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/corpus/**', 'bench/out/**', 'fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', TextDecoder: 'readonly', performance: 'readonly',
      },
    },
  },
  {
    // The VS Code client extension is CommonJS, as VS Code loads it.
    files: ['editors/vscode/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts', 'rules/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['rules/**/*.ts'],
    ignores: ['rules/index.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'process', 'child_process'], message: 'Rules never touch the filesystem or the process.' },
          { group: ['yaml'], importNames: ['LineCounter'], message: 'Rules never compute line numbers.' },
          { regex: '^\\.\\./\\.\\./src/(?!rule-api\\.js$)', message: 'Rules import only from src/rule-api.ts.' },
        ],
      }],
    },
  },
);

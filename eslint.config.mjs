// Lint rules for the whole repository. The engine must stay free of the `vscode` module so that it
// runs in plain Node, in the browser and in a worker.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'media/build/**',
      '.vscode-test/**',
      'node_modules/**',
      'test/artifacts/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "LogicalExpression[operator='||'] > Literal[raw=/^[0-9.e+-]+$/]",
          message: 'Use ?? for numeric defaults: 0 is a valid value (a learning rate of 0, say).',
        },
      ],
    },
  },
  {
    files: [
      'src/engine/**/*.ts',
      'src/protocol.ts',
      'src/session.ts',
      'src/landscape.ts',
      'src/webview/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message: 'The engine, the protocol and the webview must not depend on the VS Code API.',
            },
          ],
          patterns: [
            {
              group: ['**/extension', '**/host/**'],
              message: 'The engine must not depend on extension-host code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);

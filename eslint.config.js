// Lint: typescript-eslint recommended rules plus the codec boundary
// (wire/, ofproto/ and lib/packet/ never import controller/ or base/).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'examples/**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/wire/**', 'src/ofproto/**', 'src/lib/packet/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/controller/**', '**/base/**', 'node:net', 'node:tls'] }],
    },
  },
);

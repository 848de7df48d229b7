import nextPlugin from '@next/eslint-plugin-next';
import drizzle from 'eslint-plugin-drizzle';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', '.data/', '.data-e2e/', '.scratch/', 'db/migrations/', 'next-env.d.ts', 'playwright-report/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    plugins: { drizzle, '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      ...reactHooks.configs.recommended.rules,
      // This product deletes data: a drizzle delete or update without a where is an error.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Only the environment module reads process.env.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['lib/env.ts', 'tests/**', 'e2e/**', 'scripts/**', 'playwright.config.ts', 'next.config.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read the environment through lib/env.ts' }],
    },
  },
  {
    // Client components never reach the database.
    files: ['components/**/*.tsx', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/db/*', '**/db/*'], message: 'read data through server/data' }] }],
    },
  },
);

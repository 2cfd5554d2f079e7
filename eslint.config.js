// Lint: typescript-eslint + React hooks, and the import boundaries the README's Layout describes.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { readdirSync } from 'node:fs'

const layer = (name, forbidden) => ({
  files: [`src/${name}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((group) => ({
          group: [`**/${group}/**`, `**/${group}`],
          message: `src/${name} must not import from src/${group} (imports flow lib → providers → stores → findings → features → app).`,
        })),
      },
    ],
  },
})

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      // Prettier wraps code at 120 columns but leaves comments as written: they keep to 120 too. A string that cannot
      // be split (a test's name, a message) may run longer.
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Provider text is rendered as text.',
        },
        { selector: "CallExpression[callee.name='eval']", message: 'Never evaluate text.' },
        { selector: "NewExpression[callee.name='Function']", message: 'Never evaluate text.' },
      ],
    },
  },
  layer('lib', ['providers', 'stores', 'findings', 'features', 'app', 'components', 'server']),
  layer('components', ['providers', 'stores', 'findings', 'features', 'app', 'server']),
  layer('providers', ['stores', 'findings', 'features', 'app', 'components', 'server']),
  layer('stores', ['findings', 'features', 'app', 'components', 'server']),
  layer('findings', ['features', 'app', 'components', 'server']),
  layer('app', ['server']),
  ...readdirSync('src/features').map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/**', '**/app', '**/server/**'], message: 'Features do not import app or server code.' },
            {
              group: readdirSync('src/features')
                .filter((other) => other !== feature)
                .flatMap((other) => [`**/features/${other}/**`, `../${other}/**`, `../${other}`]),
              message: 'Features do not import each other: move shared code to components, lib or providers.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/**', '**/features/**', '**/components/**'], message: 'Server code is Node-only.' },
          ],
        },
      ],
    },
  },
)

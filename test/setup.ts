// Shared test setup: DOM matchers, cleanup between tests, and "an unexpected console.error fails the test".
import '@testing-library/jest-dom/vitest'
import 'fake-indexeddb/auto'
import { BaselineStore, resetBaselineStoreForTests } from '../src/stores/audit-baseline'
import { resetFindingSettingsForTests } from '../src/stores/finding-settings'
import { afterEach, beforeEach, vi } from 'vitest'
import i18next, { type Resource } from 'i18next'
import * as React from 'react'
import { initI18nWithResources } from '../src/app/i18n'
import { resetTestAudit } from './msw/audit-handlers'
import { quickenComputedStyle } from './jsdom-computed-style'

// Every translation up front, in English (tests query by the English names); a test may switch to French.
const localeFiles = import.meta.glob<Record<string, unknown>>('../src/locales/*/*.json', {
  eager: true,
  import: 'default',
})
const resources: Resource = {}
for (const [path, strings] of Object.entries(localeFiles)) {
  const [, language = '', namespace = ''] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? []
  resources[language] = { ...resources[language], [namespace]: strings }
}
await initI18nWithResources(resources, 'en')

let consoleErrors: unknown[][] = []

let database = 0

beforeEach(async () => {
  consoleErrors = []
  // Every test starts with an empty audit and no saved drafts.
  database += 1
  await resetTestAudit()
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
  resetBaselineStoreForTests(new BaselineStore(`segment-audit-baseline-test-${database}`))
  // And with nothing remembered from the test before (column choices, finding settings…).
  if (typeof localStorage !== 'undefined') localStorage.clear()
  resetFindingSettingsForTests()
  if (i18next.language !== 'en') await i18next.changeLanguage('en')
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args)
  })
})

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react')
    cleanup()
  }
  const errors = consoleErrors
  consoleErrors = []
  if (errors.length > 0) {
    throw new Error(`Unexpected console.error:\n${errors.map((args) => args.map(String).join(' ')).join('\n')}`)
  }
})

if (typeof document !== 'undefined') {
  // jsdom has no layout: the window virtualiser's scrollTo is a no-op there.
  window.scrollTo = () => {}
  // A window 440 px tall, not jsdom's 768: the list draws 10 rows and its overscan, not 18, and every render and query
  // of the list looks at a third fewer elements (the list, Audit and app files: 93 → 87 s of test time).
  window.innerHeight = 440
  // React's development build records where each element was created (a stack trace per element, up to 10,000 a
  // second) for its warnings' component stacks: 7–13 % of the component tests' time (the six longest files, runs
  // alternated with and without: 71 → 65 s, 68 → 63 s, and on four of them 56 → 49 s). Warnings still name their
  // component, without the place. Told through React's internals: if an upgrade renames them, this throws.
  Object.defineProperty(
    (React as unknown as Record<string, object>)['__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE'],
    'recentlyCreatedOwnerStacks',
    { get: () => Infinity, set: () => {}, configurable: true },
  )
  quickenComputedStyle(window)
  // findBy…/waitFor give up after 1 s by default: on a 2-CPU machine shared with other work, a page that renders in
  // 200 ms when quiet can take several. A longer limit costs nothing when the awaited text comes at once.
  const { configure, getConfig, prettyDOM } = await import('@testing-library/dom')
  configure({
    asyncUtilTimeout: 5_000,
    // A query that finds nothing prints the whole page into its error, and waitFor and findBy… make that error at
    // every try that fails, then drop it at the next: 1.5 % of the component tests' CPU for messages nobody reads.
    // The same message is written here when it is first read: when the test fails with it (Vitest reads it then,
    // before the page is cleaned up), or when waitFor gives up and copies it.
    getElementError: (message, container) => {
      const error = new Error()
      error.name = 'TestingLibraryElementError'
      const { defaultIgnore } = getConfig()
      let text: string | undefined
      Object.defineProperty(error, 'message', {
        get: () =>
          (text ??= [message, `Ignored nodes: comments, ${defaultIgnore}\n${prettyDOM(container)}`]
            .filter(Boolean)
            .join('\n\n')),
        set: (value: string) => (text = value),
        configurable: true,
      })
      return error
    },
  })
}

// Shared test setup: DOM matchers, cleanup between tests, and "an unexpected console.error fails the test".
import '@testing-library/jest-dom/vitest'
import 'fake-indexeddb/auto'
import { BaselineStore, resetBaselineStoreForTests } from '../src/stores/audit-baseline'
import { resetFindingSettingsForTests } from '../src/stores/finding-settings'
import { afterEach, beforeEach, vi } from 'vitest'
import { createRequire } from 'node:module'
import i18next, { type Resource } from 'i18next'
import * as React from 'react'
import { initI18nWithResources } from '../src/app/i18n'
import { resetTestAudit } from './msw/audit-handlers'

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
  // Testing Library asks for the computed style of every element it looks at (is it hidden? what is its name?), and
  // jsdom computes all of it each time: every resolved colour (through a CSS colour parser) and ancestors' values, for
  // a caller that reads `display`, `visibility` or `pointer-events`. Those three are read here through jsdom's own
  // cascade, the same values, and any other property through jsdom's whole computation (the six longest files, runs
  // alternated: 65 → 63 s and 72 → 66 s of test time). Through jsdom's internals: if an upgrade moves them, this
  // throws.
  const require = createRequire(import.meta.url)
  interface ElementImpl {
    localName: string
    style: CSSStyleDeclaration
    _ownerDocument: {
      _styleCache: WeakMap<object, unknown> | null
      styleSheets: { _list: { cssRules?: ArrayLike<Rule> }[] }
    }
  }
  const styleRules = require('jsdom/lib/jsdom/living/helpers/style-rules.js') as {
    getDeclarationForElement: (element: ElementImpl) => Pick<CSSStyleDeclaration, 'getPropertyValue'>
    getResolvedValue: (element: object, property: string) => string
  }
  const { implForWrapper } = require('jsdom/lib/jsdom/living/generated/utils.js') as {
    implForWrapper: (wrapper: object) => object | null
  }
  // Each of those values comes from the element's cascade, which jsdom makes again after every change to the page:
  // it tests each of the browser's 120 default rules against the element (nearly every one names one element type)
  // and copies each matching rule into a new CSSStyleDeclaration, parsing every value again. Here a default rule is
  // tested only against the elements its selector can match by type (all of them when a selector names none), in
  // jsdom's order, then the page's sheets and the inline style as jsdom takes them, into a plain map: the same values.
  // Kept until jsdom empties its own cache of them, which each change to the page does.
  interface Rule {
    selectorText?: string
    style: CSSStyleDeclaration
    media?: ArrayLike<string>
    cssRules?: ArrayLike<Rule>
  }
  const fromJsdom = createRequire(require.resolve('jsdom/package.json'))
  const { matchesDontThrow } = require('jsdom/lib/jsdom/living/helpers/selectors.js') as {
    matchesDontThrow: (element: object, selector: string | undefined) => boolean
  }
  const cssom = fromJsdom('rrweb-cssom') as { parse: (css: string) => { cssRules: ArrayLike<Rule> } }
  const defaultRules = Array.from(
    cssom.parse(require('jsdom/lib/jsdom/browser/default-stylesheet.js') as string).cssRules,
  )
  /** The element type each selector of a list must have, or '*' when it may match any (or this cannot tell). */
  const typesOf = (selectorText: string) =>
    selectorText.split(',').map((selector) => {
      if (/[(|\\"']/.test(selector)) return '*'
      const last =
        selector
          .trim()
          .split(/[\s>+~]+/)
          .at(-1) ?? ''
      return /^[a-z][a-z0-9-]*/i.exec(last)?.[0].toLowerCase() ?? '*'
    })
  const defaultRulesByType = new Map<string, Rule[]>()
  const defaultRulesFor = (type: string) => {
    let rules = defaultRulesByType.get(type)
    if (!rules) {
      rules = defaultRules.filter(
        ({ selectorText, media }) =>
          media !== undefined ||
          selectorText === undefined ||
          typesOf(selectorText).some((each) => each === '*' || each === type),
      )
      defaultRulesByType.set(type, rules)
    }
    return rules
  }
  const cascades = new WeakMap<object, WeakMap<object, Map<string, string>>>()
  styleRules.getDeclarationForElement = (element) => {
    const document = element._ownerDocument
    const generation = (document._styleCache ??= new WeakMap())
    let cache = cascades.get(generation)
    if (!cache) cascades.set(generation, (cache = new WeakMap()))
    let values = cache.get(element)
    if (!values) {
      const cascade = new Map<string, string>()
      const take = (style: CSSStyleDeclaration) => {
        for (const property of Array.from(style)) {
          const value = style.getPropertyValue(property)
          if (value === 'unset') cascade.delete(property)
          else cascade.set(property, value)
        }
      }
      const takeMatching = (rules: ArrayLike<Rule>) => {
        for (const rule of Array.from(rules)) {
          if (!rule.media) {
            if (matchesDontThrow(element, rule.selectorText)) take(rule.style)
          } else if (Array.from(rule.media).includes('screen'))
            for (const inner of Array.from(rule.cssRules ?? [])) {
              if (matchesDontThrow(element, inner.selectorText)) take(inner.style)
            }
        }
      }
      takeMatching(defaultRulesFor(element.localName.toLowerCase()))
      for (const sheet of document.styleSheets._list) takeMatching(sheet.cssRules ?? [])
      take(element.style)
      cache.set(element, (values = cascade))
    }
    const found = values
    return { getPropertyValue: (property) => found.get(property) ?? '' }
  }
  const fullComputedStyle = window.getComputedStyle.bind(window)
  const LAZY: Record<string, string> = { display: 'display', visibility: 'visibility', pointerEvents: 'pointer-events' }
  window.getComputedStyle = (element, pseudoElement) => {
    const impl = pseudoElement ? null : implForWrapper(element)
    if (!impl) return fullComputedStyle(element, pseudoElement)
    const value = (property: string) =>
      property === 'display'
        ? styleRules.getDeclarationForElement(impl as ElementImpl).getPropertyValue(property)
        : styleRules.getResolvedValue(impl, property)
    let full: CSSStyleDeclaration | undefined
    const fully = () => (full ??= fullComputedStyle(element))
    return new Proxy({} as CSSStyleDeclaration, {
      get(_, key) {
        if (key === 'getPropertyValue')
          return (property: string) =>
            Object.values(LAZY).includes(property) ? value(property) : fully().getPropertyValue(property)
        if (typeof key === 'string' && key in LAZY) return value(LAZY[key] ?? key)
        const member: unknown = Reflect.get(fully(), key)
        return typeof member === 'function' ? member.bind(full) : member
      },
    })
  }
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

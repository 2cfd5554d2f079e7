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

/** What jsdom's style code works with: a declaration, a parsed rule and sheet, an element behind its wrapper. */
interface Style extends Iterable<string> {
  getPropertyValue: (property: string) => string
  getPropertyPriority: (property: string) => string
  setProperty: (property: string, value: string, priority?: string) => void
  removeProperty: (property: string) => string
}
interface Rule {
  selectorText: string
  style: Style
  media?: ArrayLike<string>
  cssRules?: Rule[]
}
interface Sheet {
  cssRules: Rule[]
}
interface ElementImpl {
  localName: string
  style: Style
  _ownerDocument: { _styleCache?: WeakMap<object, Style> | null; styleSheets: { _list: Sheet[] } }
}

/**
 * The tag each selector of a list asks its element to be (`article h1, td` → h1, td), lower-case; null for a selector
 * that does not name one (`:root`, `[hidden]`, `*`, a namespace), which may match any element.
 */
function subjectTags(selectors: string): (string | null)[] {
  const tags: (string | null)[] = []
  let depth = 0
  let quote = ''
  let start = 0
  const close = (end: number) => {
    const subject = selectors.slice(start, end).trim()
    tags.push(/^[a-z][a-z0-9-]*(?![\w|-])/i.exec(subject)?.[0].toLowerCase() ?? null)
  }
  for (let index = 0; index < selectors.length; index++) {
    const char = selectors[index] ?? ''
    if (quote) {
      if (char === '\\') index++
      else if (char === quote) quote = ''
    } else if (char === '"' || char === "'") quote = char
    else if (char === '(' || char === '[') depth++
    else if (char === ')' || char === ']') depth--
    else if (depth === 0 && char === ',') {
      close(index)
      start = index + 1
    } else if (depth === 0 && /[\s>+~]/.test(char)) start = index + 1
  }
  close(selectors.length)
  return tags
}

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
  const styleRules = require('jsdom/lib/jsdom/living/helpers/style-rules.js') as {
    getDeclarationForElement: (element: ElementImpl) => Style
    getResolvedValue: (element: object, property: string) => string
  }
  const { implForWrapper } = require('jsdom/lib/jsdom/living/generated/utils.js') as {
    implForWrapper: (wrapper: object) => ElementImpl | null
  }
  // Those values come from the rules that match an element, and jsdom tries every rule of its browser style sheet (120
  // rules, 216 selectors) on every element it has not seen since the page last changed: 6 % of the component tests'
  // CPU. Most rules name the element they style (`td, th`, `input[type="hidden"]`): each element is tried here only
  // against the rules that name its tag or no tag, in the sheet's order, by jsdom's own matching, so the same rules
  // apply in the same order (profiled on the Audit and Segments page files: 5.2 → 1.4 s of ~65 s of CPU).
  // jsdom's own copies of its declaration class and CSS parser, as its style code uses them.
  const jsdomRequire = createRequire(require.resolve('jsdom'))
  const { CSSStyleDeclaration: Declaration } = jsdomRequire('cssstyle') as { CSSStyleDeclaration: new () => Style }
  const { matchesDontThrow } = require('jsdom/lib/jsdom/living/helpers/selectors.js') as {
    matchesDontThrow: (element: object, selector: string) => boolean
  }
  const browserSheet = (jsdomRequire('rrweb-cssom') as { parse: (css: string) => Sheet }).parse(
    require('jsdom/lib/jsdom/browser/default-stylesheet.js') as string,
  )
  const rulesByTag = new Map<string, Rule[]>()
  const anyTag = new Set<Rule>()
  for (const rule of browserSheet.cssRules) {
    const tags = rule.media || typeof rule.selectorText !== 'string' ? [null] : subjectTags(rule.selectorText)
    if (tags.includes(null)) anyTag.add(rule)
    else for (const tag of tags) if (tag !== null) rulesByTag.set(tag, [...(rulesByTag.get(tag) ?? []), rule])
  }
  const candidates = new Map<string, Rule[]>()
  const rulesFor = (tag: string) => {
    let rules = candidates.get(tag)
    if (!rules) {
      const named = new Set(rulesByTag.get(tag))
      rules = browserSheet.cssRules.filter((rule) => anyTag.has(rule) || named.has(rule))
      candidates.set(tag, rules)
    }
    return rules
  }
  const sheetRules = (sheet: Sheet, element: ElementImpl, each: (rule: Rule) => void, rules = sheet.cssRules) => {
    for (const rule of rules) {
      if (rule.media) {
        if (Array.prototype.includes.call(rule.media, 'screen'))
          for (const inner of rule.cssRules ?? []) if (matchesDontThrow(element, inner.selectorText)) each(inner)
      } else if (matchesDontThrow(element, rule.selectorText)) each(rule)
    }
  }
  // As jsdom's getDeclarationForElement (helpers/style-rules.js), kept in the same per-page cache it clears.
  styleRules.getDeclarationForElement = (element: ElementImpl) => {
    const document = element._ownerDocument
    const cache = (document._styleCache ??= new WeakMap<object, Style>())
    const cached = cache.get(element)
    if (cached) return cached
    const declaration = new Declaration()
    const add = (style: Style) => {
      for (const property of Array.from(style)) {
        const value = style.getPropertyValue(property)
        if (value === 'unset') declaration.removeProperty(property)
        else declaration.setProperty(property, value, style.getPropertyPriority(property))
      }
    }
    const each = (rule: Rule) => add(rule.style)
    sheetRules(browserSheet, element, each, rulesFor(element.localName.toLowerCase()))
    for (const sheet of document.styleSheets._list) sheetRules(sheet, element, each)
    add(element.style)
    cache.set(element, declaration)
    return declaration
  }
  const fullComputedStyle = window.getComputedStyle.bind(window)
  const LAZY: Record<string, string> = { display: 'display', visibility: 'visibility', pointerEvents: 'pointer-events' }
  window.getComputedStyle = (element, pseudoElement) => {
    const impl = pseudoElement ? null : implForWrapper(element)
    if (!impl) return fullComputedStyle(element, pseudoElement)
    const value = (property: string) =>
      property === 'display'
        ? styleRules.getDeclarationForElement(impl).getPropertyValue(property)
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

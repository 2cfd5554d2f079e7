// jsdom's getComputedStyle made quick for what Testing Library and user-event read of it, with the same values.
import { createRequire } from 'node:module'

/** Windows already quickened: the setup runs again for each test file, in the window its worker keeps. */
const quickened = new WeakSet<Window>()

export function quickenComputedStyle(window: Window): void {
  if (quickened.has(window)) return
  quickened.add(window)
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
}

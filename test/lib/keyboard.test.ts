// @vitest-environment jsdom
// Which focused elements swallow single-key shortcuts: text entry does, choice controls do not.
import { describe, expect, it } from 'vitest'
import { isShortcut, isTextEntry } from '../../src/lib/keyboard'

function element(html: string): HTMLElement {
  const host = document.createElement('div')
  host.innerHTML = html
  document.body.append(host)
  return host.firstElementChild as HTMLElement
}

describe('isTextEntry', () => {
  it.each([
    ['<input type="text">', true],
    ['<input>', true],
    ['<input type="search">', true],
    ['<input type="number">', true],
    ['<textarea></textarea>', true],
    ['<select><option>a</option></select>', true],
    ['<input type="radio">', false],
    ['<input type="checkbox">', false],
    ['<button>Go</button>', false],
    ['<a href="#">link</a>', false],
  ])('%s → %s', (html, expected) => {
    expect(isTextEntry(element(html))).toBe(expected)
  })

  it('counts editable content as text entry', () => {
    const editable = element('<div contenteditable="true">x</div>')
    Object.defineProperty(editable, 'isContentEditable', { value: true })
    expect(isTextEntry(editable)).toBe(true)
  })
})

describe('isShortcut', () => {
  const press = (target: HTMLElement, init: KeyboardEventInit = {}) => {
    let result: boolean | undefined
    target.addEventListener('keydown', (event) => (result = isShortcut(event)), { once: true })
    target.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true, ...init }))
    return result
  }
  it('accepts a plain key on a radio button (a verdict just clicked)', () => {
    expect(press(element('<input type="radio">'))).toBe(true)
  })
  it('refuses a key typed in a text field, or with a modifier', () => {
    expect(press(element('<textarea></textarea>'))).toBe(false)
    expect(press(element('<button>b</button>'), { ctrlKey: true })).toBe(false)
  })
})

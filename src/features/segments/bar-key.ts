// The last key pressed while the bulk bar's code is on its way (it loads with the first tick): a `b`
// pressed then is taken by the bar once it is there (use-bar-keyboard.ts). Kept apart from the bar's
// code, which the list loads on demand.

export const keyBeforeBar: { event?: KeyboardEvent } = {}

export const rememberKeyBeforeBar = (event: KeyboardEvent) => {
  keyBeforeBar.event = event
}

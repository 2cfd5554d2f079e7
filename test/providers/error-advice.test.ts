// What a person reads when a provider fails for a reason that means configuration or a wait, in both languages: the
// permission or the variable to fix, the time calls resume — never an HTTP status line.
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { adviceForError } from '../../src/providers/error-advice'
import { providerErrorFromProxy } from '../../src/providers/provider-error'

const resumeAt = new Date(2026, 11, 6, 15, 0)

describe.each<{ language: string } & Record<'permission' | 'endpoint' | 'budget' | 'refused', [RegExp, RegExp]>>([
  {
    language: 'en',
    permission: [/API key lacks a permission/, /segments\.data_series permission/],
    endpoint: [/does not know this address/, /BRAZE_REST_ENDPOINT is probably wrong/],
    budget: [/Waiting for Braze’s hourly budget/, /resume at 0?3:00/],
    refused: [/refused the request/, /It said: “Invalid page”/],
  },
  {
    language: 'fr',
    permission: [/Il manque un droit à la clé d’API Braze/, /le droit segments\.data_series/],
    endpoint: [/ne connaît pas cette adresse/, /BRAZE_REST_ENDPOINT est sans doute erronée/],
    budget: [/En attente du quota horaire de Braze/, /reprendront à 15:00/],
    refused: [/a refusé la requête/, /Sa réponse\u202f: «\u202fInvalid page\u202f»/],
  },
])('provider errors in plain words ($language)', ({ language, permission, endpoint, budget, refused }) => {
  const advice = async (status: number, body: Record<string, unknown>) => {
    await i18next.changeLanguage(language)
    const { title, advice: text } = adviceForError(providerErrorFromProxy('braze', status, body), 'braze', i18next.t)
    expect(`${title} ${text}`).not.toMatch(/HTTP \d/)
    return [title, text]
  }

  it.each([
    {
      what: 'a permission the key lacks',
      status: 403,
      body: { error: 'permission_denied', message: 'Access Denied', permission: 'segments.data_series' },
      key: 'permission',
    },
    {
      what: 'a wrong REST endpoint',
      status: 404,
      body: { error: 'wrong_endpoint', message: 'Invalid URL' },
      key: 'endpoint',
    },
    {
      what: 'the budget reserve',
      status: 429,
      body: { error: 'budget_reserve', retryAfterSeconds: 600, resumeAt: resumeAt.toISOString() },
      key: 'budget',
    },
    { what: 'a refused request', status: 400, body: { error: 'bad_request', message: 'Invalid page' }, key: 'refused' },
  ] as const)('names what to do about $what', async ({ status, body, key }) => {
    const [titleWords, adviceWords] = { permission, endpoint, budget, refused }[key]
    const [title, text] = await advice(status, body)
    expect(title).toMatch(titleWords)
    expect(text).toMatch(adviceWords)
  })
})

// What a person reads when a provider fails for a reason that means configuration or a wait, in both languages: the
// permission or the variable to fix, the time calls resume (written as the list writes a time) — never an HTTP status
// line.
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { adviceForError } from '../../src/providers/error-advice'
import { providerErrorFromProxy } from '../../src/providers/provider-error'

const resumeAt = new Date(2026, 11, 6, 15, 0)

describe.each<
  { language: string } & Record<
    'permission' | 'endpoint' | 'budget' | 'refused' | 'key' | 'unreachable',
    [RegExp, RegExp]
  >
>([
  {
    language: 'en',
    permission: [/API key lacks a permission/, /segments\.data_series permission/],
    endpoint: [/does not know this address/, /BRAZE_REST_ENDPOINT is probably wrong/],
    budget: [
      /Waiting for Braze’s budget to reset/,
      /down to the reserve kept for production; calls resume at 3:00\sPM/,
    ],
    refused: [/refused the request/, /It said: “Invalid page”/],
    // A variable changed in .env.local is read when the server starts: the advice says to restart it.
    key: [/rejected the credentials/, /check BRAZE_API_KEY, BRAZE_REST_ENDPOINT .*, then restart\.$/],
    unreachable: [/could not be reached/, /network access and BRAZE_REST_ENDPOINT .*, then restart\.$/],
  },
  {
    language: 'fr',
    permission: [/Il manque un droit à la clé d’API Braze/, /le droit segments\.data_series/],
    endpoint: [/ne connaît pas cette adresse/, /BRAZE_REST_ENDPOINT est sans doute erronée/],
    budget: [/En attente de la remise à zéro du quota de Braze/, /réduit à la réserve gardée .* reprendront à 15:00\./],
    refused: [/a refusé la requête/, /Sa réponse\u202f: «\u202fInvalid page\u202f»/],
    key: [/a refusé les identifiants/, /vérifiez BRAZE_API_KEY, BRAZE_REST_ENDPOINT .*, puis redémarrez\.$/],
    unreachable: [/est injoignable/, /accès réseau et BRAZE_REST_ENDPOINT .*, puis redémarrez\.$/],
  },
])(
  'provider errors in plain words ($language)',
  ({ language, permission, endpoint, budget, refused, key, unreachable }) => {
    const advice = async (status: number, body: Record<string, unknown>) => {
      await i18next.changeLanguage(language)
      // Ten minutes before calls resume, whatever the clock says: the time is then written to the minute.
      const now = resumeAt.getTime() - 600_000
      const { title, advice: text } = adviceForError(
        providerErrorFromProxy('braze', status, body),
        'braze',
        i18next.t,
        now,
      )
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
      {
        what: 'a refused request',
        status: 400,
        body: { error: 'bad_request', message: 'Invalid page' },
        key: 'refused',
      },
      { what: 'a key Braze refuses', status: 401, body: { error: 'unauthorized', status: 401 }, key: 'key' },
      { what: 'a Braze never reached', status: 502, body: { error: 'upstream_unreachable' }, key: 'unreachable' },
    ] as const)('names what to do about $what', async ({ status, body, key: which }) => {
      const [titleWords, adviceWords] = { permission, endpoint, budget, refused, key, unreachable }[which]
      const [title, text] = await advice(status, body)
      expect(title).toMatch(titleWords)
      expect(text).toMatch(adviceWords)
    })
  },
)

describe('the time calls resume after the reserve', () => {
  const held = (resumeAt: Date) =>
    providerErrorFromProxy('braze', 429, {
      error: 'budget_reserve',
      retryAfterSeconds: 30,
      resumeAt: resumeAt.toISOString(),
    })

  it.each([
    { language: 'en', soon: /resume at 3:00:30\sPM\./, later: /resume at 3:05\sPM\./ },
    { language: 'fr', soon: /reprendront à 15:00:30\./, later: /reprendront à 15:05\./ },
  ])('says its seconds when it is less than a minute away, and never "hourly" ($language)', async (expected) => {
    await i18next.changeLanguage(expected.language)
    const now = new Date(2026, 11, 6, 15, 0).getTime()
    const soon = adviceForError(held(new Date(2026, 11, 6, 15, 0, 30)), 'braze', i18next.t, now)
    const later = adviceForError(held(new Date(2026, 11, 6, 15, 5)), 'braze', i18next.t, now)
    expect(soon.advice).toMatch(expected.soon)
    expect(later.advice).toMatch(expected.later)
    for (const { title, advice } of [soon, later]) expect(`${title} ${advice}`).not.toMatch(/hourly|horaire/i)
  })
})

describe('a provider not configured', () => {
  const notConfigured = (missing: string[], invalid: string[]) =>
    adviceForError(
      providerErrorFromProxy('commanders-act', 503, { error: 'not_configured', missing, invalid }),
      'commanders-act',
      i18next.t,
    ).advice

  it.each([
    {
      language: 'en',
      missing:
        'On the server, set COMMANDERS_ACT_SITE_ID and COMMANDERS_ACT_TOKEN (in .env.local or the environment), then restart.',
      invalid:
        'On the server, fix COMMANDERS_ACT_SITE_ID, whose value is not valid (in .env.local or the environment), then restart.',
      both: 'On the server, set COMMANDERS_ACT_TOKEN and fix COMMANDERS_ACT_SITE_ID, whose value is not valid (in .env.local or the environment), then restart.',
    },
    {
      language: 'fr',
      missing:
        'Sur le serveur, définissez COMMANDERS_ACT_SITE_ID et COMMANDERS_ACT_TOKEN (dans .env.local ou l’environnement), puis redémarrez.',
      invalid:
        'Sur le serveur, corrigez COMMANDERS_ACT_SITE_ID, dont la valeur n’est pas valide (dans .env.local ou l’environnement), puis redémarrez.',
      both: 'Sur le serveur, définissez COMMANDERS_ACT_TOKEN et corrigez COMMANDERS_ACT_SITE_ID, dont la valeur n’est pas valide (dans .env.local ou l’environnement), puis redémarrez.',
    },
  ])('says which variables to set and which to fix, as a sentence ($language)', async (expected) => {
    await i18next.changeLanguage(expected.language)
    expect(notConfigured(['COMMANDERS_ACT_SITE_ID', 'COMMANDERS_ACT_TOKEN'], [])).toBe(expected.missing)
    // A variable set to a value the server cannot use is not one to set.
    expect(notConfigured([], ['COMMANDERS_ACT_SITE_ID'])).toBe(expected.invalid)
    expect(notConfigured(['COMMANDERS_ACT_TOKEN'], ['COMMANDERS_ACT_SITE_ID'])).toBe(expected.both)
  })
})

// Word lists the demo data is built from: combined, they give thousands of plausible French and English segment names.

type Words = readonly [string, ...string[]]
export type QualifierGroups = readonly [Words, ...Words[]]

export const ENGLISH_AUDIENCES: Words = [
  'Engaged Recent Users',
  'Lapsed Users',
  'Active Subscribers',
  'New Signups',
  'High-Value Customers',
  'Cart Abandoners',
  'Dormant Accounts',
  'Trial Users',
  'Power Users',
  'Churn Risk',
  'First-Time Buyers',
  'Repeat Purchasers',
  'App Installers',
  'Push Opt-in Users',
  'Email Subscribers',
  'Loyalty Members',
  'Premium Subscribers',
  'Inactive Customers',
  'Web Visitors',
  'Mobile-only Users',
  'Win-back Targets',
  'User Onboarding',
  'Browse Abandoners',
  'Wishlist Savers',
  'Coupon Redeemers',
  'Referral Champions',
  'Store Pickup Customers',
  'Newsletter opt-in',
  'Survey Respondents',
  'Beta Testers',
]

/** Grouped (time window, value, channel, place, campaign) so that two qualifiers never contradict each other. */
export const ENGLISH_QUALIFIERS: QualifierGroups = [
  ['30 days', '7 days', '90 days', 'First Week', 'last 14 days', 'no purchase', 'reactivation'],
  ['Gold tier', 'high LTV', 'VIP'],
  ['iOS', 'Android', 'web only', 'email', 'push', 'weekly digest'],
  ['UK', 'US', 'DE', 'EMEA'],
  ['Q4', 'Black Friday', 'Holiday 2024', 'Spring Sale', 'Summer 2025', '2025'],
]

export const FRENCH_AUDIENCES: Words = [
  'Clients fidèles',
  'Panier abandonné',
  'Acheteurs été',
  'Nouveaux inscrits',
  'Inactifs',
  'Clients VIP',
  'Prospects chauds',
  'Abonnés newsletter',
  'Acheteurs récurrents',
  'Visiteurs mobile',
  'Clients à risque',
  'Premiers achats',
  'Membres programme fidélité',
  'Désabonnés e-mail',
  'Réactivation',
  'Clients Île-de-France',
  'Acheteurs Noël',
  'Utilisateurs appli',
  'Parrainage',
  "Soldes d'hiver",
  'Rentrée scolaire',
  'Fête des mères',
  'Clients magasin',
  'Intentionnistes',
  'Lecteurs blog',
  'Opt-in SMS',
  'Anniversaire client',
  'Clients premium',
  'Relance devis',
  'Cross-sell accessoires',
]

export const FRENCH_QUALIFIERS: QualifierGroups = [
  ['12 mois', 'J+1', 'J+7', '30 jours', '6 mois', 'sans achat', 'relance 2'],
  ['panier > 100 €', 'femmes 25-34', 'hommes 35+'],
  ['mobile', 'iOS', 'e-mail', 'appli', 'ouvreurs', 'cliqueurs'],
  ['Île-de-France', 'région Sud', 'Bretagne', 'Lyon'],
  ['2025', '2024', 'été 2025', 'hiver 2024'],
]

/** Team conventions that some names follow and others break; the language tag is added to match the name. */
export const NAME_PREFIXES: Words = ['CRM -', 'BF24 -', 'Q3 -', 'OLD -', 'Growth |']

export const NAME_EMOJI: Words = ['🇫🇷', '🔥', '⭐', '🎁', '🛒', '🇬🇧', '💌']

/** Names that must be rendered as text and neutralised in CSV: markup, formulas, quotes and commas. */
export const TRICKY_NAMES: Words = [
  '<img src=x onerror=alert(1)>',
  '<b>VIP</b>',
  '=HYPERLINK("http://x","y")',
  '+33 leads',
  '-10% promo',
  '@mention segment',
  '=1+1',
  'Clients "premium", Paris',
  "Tom's list; DROP TABLE segments",
]

export const LEFTOVER_NAMES: Words = [
  'test',
  'TEST',
  'test segment 2',
  'TMP - do not use',
  'tmp_jdupont',
  'old - do not use',
  'zz_archive_2022',
  'Untitled Segment',
  'À SUPPRIMER',
  'essai',
  'test Julie (ne pas utiliser)',
]

export const LONG_NAMES: Words = [
  'Clients fidèles – 12 mois – ayant ouvert au moins 3 e-mails de la campagne de rentrée et acheté en magasin en Île-de-France ou dans les Hauts-de-France (hors soldes)',
  'Engaged Recent Users - opened the app at least 5 times in the last 14 days AND clicked a push notification AND did not purchase since the Black Friday campaign',
  'Panier abandonné J+1 – produits > 100 € – exclure les clients déjà relancés par SMS ou par e-mail dans les 48 h et les désabonnés de la newsletter mensuelle',
]

export const TAGS: readonly string[] = [
  'newsletter',
  'crm',
  'fr',
  'en',
  'vip',
  'retention',
  'airbyte',
  'test',
  'onboarding',
  'lifecycle',
  'promo',
  'winback',
  'ecommerce',
  'mobile',
  'push',
  'email',
  'sms',
  'churn-risk',
  'loyalty',
  'q4',
  'b2c',
  'gdpr',
]

export const TEAMS: readonly string[] = [
  'CRM',
  'Marketing FR',
  'Data',
  'Growth',
  'E-commerce',
  'Customer Care',
  'Brand UK',
]

/** Braze describes filters in English whatever the workspace language. */
export const FILTER_LINES: Words = [
  'Last used app more than 30 days ago',
  'Last used app less than 7 days ago',
  'First used app less than 7 days ago',
  'Have made more than 2 purchases',
  'Have made exactly 1 purchase',
  'Total revenue greater than 100.00',
  "Have custom attribute 'loyalty_tier' equal to 'gold'",
  "Have custom attribute 'country' equal to 'FR'",
  'Email subscription status is subscribed or opted in',
  'Push subscription status is opted in',
  'Have clicked email campaign "Welcome series" at least once',
  'Performed custom event "cart_abandoned" in the last 1 day',
  'Language is French',
  'Country is France',
  'Country is United Kingdom',
  'Random bucket # less than 5000',
  'Have received a message from Canvas "Onboarding" more than 14 days ago',
  'Device OS is iOS',
  'Have not purchased in the last 90 days',
  'Session count greater than 10',
]

export const TEXT_DESCRIPTIONS: Words = [
  'Segment utilisé pour la campagne de relance panier J+1.',
  'Owner: CRM team. Used by the weekly newsletter.',
  'Ciblage de la campagne de Noël, à revoir en janvier.',
  'Do not delete – used by Canvas "Onboarding".',
  'Audience de test pour les notifications push.',
  'Users likely to churn according to the data team model (v2).',
  'Clients ayant acheté au moins deux fois sur les 12 derniers mois.',
  'Exported nightly to the data warehouse via Airbyte.',
  'Créé par Julie pour le lancement de l’appli.',
  'Retargeting audience for the spring sale.',
]

export const TEXT_DESCRIPTIONS_WITH_URL: Words = [
  'Voir le brief : https://wiki.example.com/crm/briefs/1234',
  'Spec: https://docs.example.com/segments/winback-v3 (owner: growth)',
  'Cf. ticket https://jira.example.com/browse/CRM-482',
]

export const COMMANDERS_ACT_AUDIENCES: Words = [
  'prospect VIP',
  'nouveau client',
  'visiteurs mobile',
  'acheteurs récurrents',
  'abandon panier',
  'lecteurs blog',
  'clients magasin',
  'intentionnistes auto',
  'visiteurs fiche produit',
  'inscrits newsletter',
  'clients inactifs',
  'visiteurs page prix',
  'acheteurs soldes',
  'cookies consentis',
  'trafic SEA',
  'trafic social',
  'utilisateurs connectés',
  'paniers > 150 €',
  'visiteurs récurrents',
  'clients B2B',
]

export const COMMANDERS_ACT_QUALIFIERS: QualifierGroups = [
  ['30j', 'J-7', '90j', 'hors clients'],
  ['mobile', 'desktop', 'retargeting'],
  ['IDF', 'FR', 'BE', 'CH'],
  ['2025', 'campagne rentrée', 'Noël', 'été'],
]

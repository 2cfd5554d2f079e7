// The audit session page (/audit): progress, the details scan, findings, changes since the last audit, charts, and
// the session exported for people and machines, or imported.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useDocumentTitle } from '../../components/use-document-title'
import { useFindings } from '../../findings/use-findings'
import { useCachedBrazeDetails } from '../../providers/braze/cached-queries'
import { isNotConfigured } from '../../providers/error-advice'
import type { Segment } from '../../providers/segment'
import { useFindingSettings } from '../../stores/finding-settings'
import { useVerdicts } from '../../stores/use-verdicts'
import { ChangesPanel } from './changes-panel'
import { CrossProviderPairs } from './cross-provider-pairs'
import { ExportPanel } from './export-panel'
import { FindingsPanel } from './findings-panel'
import { GoneReviewsPanel } from './gone-reviews-panel'
import { ProgressPanel } from './progress-panel'
import { reviewStanding } from './review-standing'
import { ScanPanel } from './scan-panel'
import { SessionImport } from './session-import'
import { updateAges } from './update-age'
import { UpdateAgeChart } from './update-age-chart'
import { useListedSegments } from './use-listed-segments'

const NO_SEGMENTS: readonly Segment[] = []

export function AuditPage() {
  const { t } = useTranslation('audit')
  useDocumentTitle(t('documentTitle'))
  const verdicts = useVerdicts()
  const listed = useListedSegments()
  const details = useCachedBrazeDetails()
  const { staleMonths } = useFindingSettings()
  // Findings compare whole lists: worked out once they are complete, not at every page that arrives.
  const computed = useFindings(listed.loading ? NO_SEGMENTS : listed.segments)
  const findings = listed.loading ? null : computed
  // Each review by where its segment stands: Progress, the reviews no longer listed and the export card say the same.
  // Sorted again only when the reviews or the lists change, not at each render (a scan's every quarter of a second).
  const { segments, completeProviders } = listed
  const standing = useMemo(
    () => reviewStanding(verdicts.values(), { segments, completeProviders }),
    [verdicts, segments, completeProviders],
  )
  const ages = useMemo(() => updateAges(listed.segments, details, new Date()), [listed.segments, details])
  const failed = listed.failures.map((failure) => failure.provider)
  const brazeFailure = listed.failures.find((failure) => failure.provider === 'braze')
  // A provider the server has no variables for (a team using the other one only): said once, with what to set, in
  // the progress card; the other cards only say why they show nothing of it.
  const notConfigured = listed.failures
    .filter((failure) => isNotConfigured(failure.error))
    .map((failure) => failure.provider)

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
      </div>
      <div className="audit-grid">
        <ProgressPanel listed={listed} verdicts={verdicts} notListed={standing.notListed.length} />
        <ScanPanel
          segments={listed.segments}
          listFailure={brazeFailure?.error}
          listPending={!listed.completeProviders.includes('braze')}
        />
        <GoneReviewsPanel standing={standing} details={details} />
        <FindingsPanel
          findings={findings}
          segments={listed.segments}
          staleMonths={staleMonths}
          failed={failed}
          notConfigured={notConfigured}
        />
        <CrossProviderPairs
          matches={findings?.crossProviderMatches ?? null}
          failed={failed}
          notConfigured={notConfigured}
        />
        <UpdateAgeChart
          ages={ages}
          brazeFailed={brazeFailure !== undefined}
          brazeNotConfigured={notConfigured.includes('braze')}
          brazeListed={listed.completeProviders.includes('braze')}
        />
        <ChangesPanel listed={listed} />
        <ExportPanel
          listed={listed}
          verdicts={verdicts}
          standing={standing}
          details={details}
          findings={findings}
          staleMonths={staleMonths}
        />
        <SessionImport />
      </div>
    </>
  )
}

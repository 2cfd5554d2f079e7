// Segment detail route (/segments/:provider/:id): the provider's view, with the list navigation the app slots in.
import type { ReactNode } from 'react'
import { useParams } from 'react-router'
import { isProviderId, type ProviderId } from '../../providers/provider-id'
import { BrazeSegmentDetail } from './braze-segment-detail'
import { CommandersActSegmentDetail } from './commanders-act-segment-detail'
import { SegmentNotFound } from './detail-parts'

const DETAIL_VIEWS: Record<ProviderId, typeof BrazeSegmentDetail> = {
  braze: BrazeSegmentDetail,
  'commanders-act': CommandersActSegmentDetail,
}

export function SegmentDetailPage({ navigation }: { navigation?: ReactNode }) {
  const { provider = '', id = '' } = useParams()
  if (!isProviderId(provider)) return <SegmentNotFound provider={provider} id={id} />
  const DetailView = DETAIL_VIEWS[provider]
  return <DetailView key={id} id={id} navigation={navigation} />
}

// Segment detail route (/segments/:provider/:id): the provider's view, with the list navigation the app slots in.
import type { ReactNode } from 'react'
import { useParams } from 'react-router'
import { BrazeSegmentDetail } from './braze-segment-detail'
import { CommandersActSegmentDetail } from './commanders-act-segment-detail'
import { SegmentNotFound } from './detail-parts'

export function SegmentDetailPage({ navigation }: { navigation?: ReactNode }) {
  const { provider = '', id = '' } = useParams()
  if (provider === 'braze') return <BrazeSegmentDetail key={id} id={id} navigation={navigation} />
  if (provider === 'commanders-act') return <CommandersActSegmentDetail key={id} id={id} navigation={navigation} />
  return <SegmentNotFound provider={provider} id={id} />
}

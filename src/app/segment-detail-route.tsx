// A segment's page as the app routes it: the detail page with the list's navigation slotted in (features do not
// import each other, so the app joins them). Its own module, so that both load on demand together.
import { ListNavigation } from '../features/segments/list-navigation'
import { SegmentDetailPage } from '../features/segment-detail/segment-detail-page'

export function SegmentDetailRoute() {
  return <SegmentDetailPage navigation={<ListNavigation />} />
}

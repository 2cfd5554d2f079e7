// The audit report CSV's header in English, as a spreadsheet shows it: what both the report's own tests and the Audit
// page's export expect.
export const REPORT_HEADER = [
  'Provider',
  'ID',
  'Name',
  'Tags',
  'Created',
  'Updated',
  'Description present',
  'Findings',
  'Verdict',
  'Note',
  'Verdict set by',
  'Verdict set at',
  'Note written by',
  'Note written at',
]

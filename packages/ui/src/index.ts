export { ChecklistTable, type ChecklistTableProps } from './checklist/checklist-table';
export type { ChecklistDraft, ChecklistItem } from './checklist/checklist-types';
export { OutcomeEditor, type OutcomeEditorProps } from './checklist/outcome-editor';
export { OutcomeTag, type OutcomeTagProps } from './checklist/outcome-tag';
export {
  DepartmentSectionPanel,
  type DepartmentSectionPanelProps,
  type SectionItemView,
  type SectionView,
} from './department-section/department-section-panel';
export { downloadBlob } from './files/download-blob';
export { formatDate, formatDateRange, formatDateTime, todayInChina } from './format/date-format';
export {
  DEPARTMENT_NAMES,
  DRAW_STATUS,
  INSPECTION_STATUS,
  INSPECTOR_STATUS,
  OUTCOME_LABELS,
  OUTCOME_PENDING_LABEL,
  RISK_CLASSES,
  ROLE_NAMES,
  VENUE_STATUS,
  departmentName,
  riskClassColor,
  riskClassLabel,
  toDepartmentCode,
  type DepartmentCode,
  type DrawStatusCode,
  type InspectionStatusCode,
  type InspectorStatusCode,
  type ItemOutcomeCode,
  type RoleCode,
  type VenueStatusCode,
} from './format/domain-labels';
export { AppLayout, type AppLayoutProps, type AppLayoutUser } from './layout/app-layout';
export { InfoDescriptions, type InfoDescriptionsProps } from './layout/info-descriptions';
export { CursorPager, type CursorPagerProps } from './list/cursor-pager';
export { ResponsiveList, type ResponsiveListProps } from './list/responsive-list';
export { useCursorPages, type CursorPages } from './list/use-cursor-pages';
export { usePrintable, type Printable } from './print/use-printable';
export type { InspectionTabModule, InspectionTabProps } from './remote-boundary/inspection-tab-contract';
export { RemoteBoundary, type RemoteBoundaryProps } from './remote-boundary/remote-boundary';
export { UnavailableNotice, type UnavailableNoticeProps } from './remote-boundary/unavailable-notice';
export { AppThemeProvider, BRAND_COLORS, type AppThemeProviderProps } from './theme/app-theme-provider';
export { useIsPhone } from './theme/use-is-phone';
export { CameraPhotoInput, type CameraPhotoInputProps } from './signature/camera-photo-input';
export { downscaleImage, type DownscaleImageOptions, type DownscaledImage } from './signature/downscale-image';
export { SignaturePad, type SignatureImage, type SignaturePadProps } from './signature/signature-pad';

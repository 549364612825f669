export { CheckItemCard, LegalBasis, type CheckItemCardProps, type ChecklistHandlers } from './checklist/check-item-card';
export { ChecklistTable, type ChecklistTableProps } from './checklist/checklist-table';
export type { ChecklistItem } from './checklist/checklist-types';
export { OutcomeButtons, type OutcomeButtonsProps } from './checklist/outcome-buttons';
export { OutcomeTag, type OutcomeTagProps } from './checklist/outcome-tag';
export { AmendmentList } from './department-section/amendment-list';
export { ConflictPanel, type ConflictPanelProps } from './department-section/conflict-panel';
export { DepartmentSectionPanel, type DepartmentSectionPanelProps } from './department-section/department-section-panel';
export { MeasuresForm, type MeasuresFormProps } from './department-section/measures-form';
export { liveProblems, saveProblems, submitProblems, type DraftProblem } from './department-section/result-check';
export { ResultCodePicker, ResultCodeTags, type ResultCodePickerProps } from './department-section/result-code-picker';
export { SyncStatus, type SyncStatusProps } from './department-section/sync-status';
export { EvidenceList, type EvidenceListProps } from './evidence/evidence-list';
export { EvidencePicker, type EvidencePickerProps } from './evidence/evidence-picker';
export type { EvidenceView } from './evidence/evidence-types';
export { formatFileSize, prepareEvidenceFile, type PreparedFile, type PrepareEvidenceOptions } from './evidence/prepare-evidence-file';
export { downloadBlob } from './files/download-blob';
export { IsoDatePicker, IsoDateRangePicker, outsideWindow, type DayWindow, type IsoDatePickerProps, type IsoDateRangePickerProps } from './form/iso-date-picker';
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
export { CardHeading, type CardHeadingProps } from './layout/card-heading';
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
export { LARGE_TEXT_STORAGE_KEY, useLargeText, type LargeTextMode } from './theme/large-text';
export { useIsPhone } from './theme/use-is-phone';
export { CameraPhotoInput, type CameraPhotoInputProps } from './signature/camera-photo-input';
export { downscaleImage, type DownscaleImageOptions, type DownscaledImage } from './signature/downscale-image';
export { SignaturePad, type SignatureImage, type SignaturePadProps } from './signature/signature-pad';
export { DeadlineStatus, type DeadlineStatusProps } from './workbench/deadline-status';
export { deadlineText, deadlineUrgency, REMINDER_WORKING_DAYS, type DeadlineUrgency } from './workbench/deadline-urgency';
export { IsoDateInput, type IsoDateInputProps } from './workbench/iso-date-input';
export { ReasonField } from './workbench/reason-field';
export { ReinspectionFields, type ReinspectionValues } from './workbench/reinspection-fields';
export { ResultEntryFields, type ResultEntryFieldsProps, type ResultEntryValues } from './workbench/result-entry-fields';
export type { WorkbenchModule, WorkbenchProps } from './workbench/workbench-contract';
export { REFERRAL_STATE_LABELS, REINSPECTION_OUTCOME_LABELS, RESULT_STATUS_LABELS } from './workbench/workbench-labels';
export {
  FollowUpList,
  ReferralReceivedList,
  ReferralSentList,
  ResultWorkList,
  type WorkFollowUp,
  type WorkReferralReceived,
  type WorkReferralSent,
  type WorkResult,
  type WorkbenchListProps,
  type WorkbenchPage,
} from './workbench/workbench-lists';
export { DepartmentWorkbench, type DepartmentWorkbenchProps, type WorkbenchOperations } from './workbench/department-workbench';
export { WorkbenchModal, type WorkbenchModalProps } from './workbench/workbench-modal';
export { WorkbenchSections, type WorkbenchSection } from './workbench/workbench-sections';
export { CheckItemsEditor, type CheckItemOperations, type CheckItemsEditorProps, type CheckItemsModule, type CheckItemsProps, type EditableCheckItem } from './check-items/check-items-editor';
export { BriefingPanel, type BriefingIssue, type BriefingOperations, type BriefingPanelProps } from './briefing/briefing-panel';

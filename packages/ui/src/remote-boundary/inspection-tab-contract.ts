import type { ComponentType } from 'react';

/** Props the shell passes to every department remote's `./InspectionTab`. */
export interface InspectionTabProps {
  inspectionId: string;
  /** The day of the visit (`YYYY-MM-DD`), which the shell already holds: the earliest 改正期限 of an order. */
  visitDay?: string | null;
}

/** What a department remote's `./InspectionTab` module exports. */
export interface InspectionTabModule {
  InspectionTab: ComponentType<InspectionTabProps>;
}

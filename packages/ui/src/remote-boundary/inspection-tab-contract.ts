import type { ComponentType } from 'react';

/** Props the shell passes to every department remote's `./InspectionTab`. */
export interface InspectionTabProps {
  inspectionId: string;
}

/** What a department remote's `./InspectionTab` module exports. */
export interface InspectionTabModule {
  InspectionTab: ComponentType<InspectionTabProps>;
}

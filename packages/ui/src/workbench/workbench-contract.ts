import type { ComponentType } from 'react';

/** Props the shell passes to every department remote's `./Workbench`. */
export interface WorkbenchProps {
  /**
   * True for anyone but the department's own staff (the joint office reads every department's
   * workbench): no action buttons. The department's server refuses such writes anyway.
   */
  readOnly: boolean;
}

/** What a department remote's `./Workbench` module exports. */
export interface WorkbenchModule {
  Workbench: ComponentType<WorkbenchProps>;
}

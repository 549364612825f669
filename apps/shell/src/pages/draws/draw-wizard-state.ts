/** Router state handed to the wizard: why a batch is drawn again, or that its commitment was just published. */
export interface DrawWizardRouteState {
  redrawReason?: string;
  /** The commitment was published a moment ago on this screen: show it before the reveal. */
  justCommitted?: boolean;
}

/** The wizard's steps, in order. */
export const DRAW_STEPS = ['参数', '承诺', '揭示', '结果', '凭证'] as const;

/** Index of a step in {@link DRAW_STEPS}. */
export const STEP = { parameters: 0, commitment: 1, reveal: 2, result: 3, receipt: 4 } as const;

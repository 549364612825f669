/** R-NOTE-1: how the team tells the venue of the visit, or that it must not be told. */
export const NOTICE_MODES = ['WRITTEN', 'PHONE', 'FAX', 'UNDISCLOSED'] as const;
export type NoticeMode = (typeof NOTICE_MODES)[number];
export const NOTICE_MODE_LABELS: Record<NoticeMode, string> = { WRITTEN: '书面告知', PHONE: '电话告知', FAX: '传真告知', UNDISCLOSED: '不予告知' };

/** R-VISIT-1: the orders a team may give when it finds a violation. */
export const ORDER_KINDS = ['STOP_ILLEGAL', 'RECTIFY'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];
export const ORDER_KIND_LABELS: Record<OrderKind, string> = { STOP_ILLEGAL: '责令停止违法行为', RECTIFY: '责令限期改正' };

/** R-VISIT-2: how an order was given; every order is written into the record form. */
export const ORDER_DELIVERIES = ['WRITTEN', 'ORAL', 'MOBILE_PRINTED'] as const;
export type OrderDelivery = (typeof ORDER_DELIVERIES)[number];
export const ORDER_DELIVERY_LABELS: Record<OrderDelivery, string> = { WRITTEN: '书面', ORAL: '口头', MOBILE_PRINTED: '移动执法设备打印' };

/** A visit's time of day, `HH:MM` on the 24-hour clock. */
export function isClockTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** A visit's slot on one day. */
export interface VisitSlot {
  date: string;
  startTime: string;
  endTime: string;
}

/** Do two visits overlap? Slots that only touch (one ends at 10:00, the next starts at 10:00) do not. */
export function slotsOverlap(a: VisitSlot, b: VisitSlot): boolean {
  return a.date === b.date && a.startTime < b.endTime && b.startTime < a.endTime;
}

import { mayManageOffice, type Principal } from '@dr/domain';

/**
 * R-NOTE-1: an undisclosed visit's date and time are for its team and the joint office only. Every
 * answer that could carry them (fields, conflicts, the order of lists) asks this one question.
 */
export function isVisitHidden(noticeMode: string | null, principal: Principal, onTeam: boolean): boolean {
  return noticeMode === 'UNDISCLOSED' && !mayManageOffice(principal) && !onTeam;
}

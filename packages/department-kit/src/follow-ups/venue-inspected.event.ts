import type { EntityManager } from 'typeorm';
import type { Department, EventPayloads } from '@dr/domain';
import { publishEvent } from '@dr/subgraph-kit';

/** R-RES-2 codes that mean nothing wrong was found: 1 未发现问题, 9 合格. Any other code is a problem found. */
const NO_PROBLEM_CODES: readonly number[] = [1, 9];

/** The stored forms (ascending, comma-separated) of a result with codes but no problem: `1`, `9`, `1,9`. */
export const NO_PROBLEM_CODE_SETS: readonly string[] = ['1', '9', '1,9'];

export function problemFoundIn(resultCodes: readonly number[]): boolean {
  return resultCodes.some((code) => !NO_PROBLEM_CODES.includes(code));
}

/**
 * Tells the office, in the caller's transaction, that the venue was inspected on `date` (a result
 * published, or a re-inspection closed): the office moves the venue's last inspection forward, which
 * the next draw reads (ADR 0013).
 */
export async function tellVenueInspected(manager: EntityManager, department: Department, payload: Omit<EventPayloads['venue.inspected'], 'department'>): Promise<void> {
  await publishEvent(manager, { source: department, topic: 'venue.inspected', payload: { ...payload, department }, destinations: ['office'] });
}

import type { Department } from '../department';

/** An officer who signed, as the signature rule needs to see them. */
export interface SigningOfficer {
  inspectorId: string;
  department: Department;
  leader: boolean;
}

/**
 * R-VISIT-3/R-RES-1: the record form is signed by the officers present. Enough officers have signed
 * when the team leader has, and at least one officer of every participating department (each
 * department answers for its own part, R-PUB-2). Returns the departments still missing; the leader
 * is reported as `'leader'`.
 */
export function missingSigners(departments: readonly Department[], signed: readonly SigningOfficer[]): ('leader' | Department)[] {
  const missing: ('leader' | Department)[] = [];
  if (!signed.some((officer) => officer.leader)) missing.push('leader');
  for (const department of departments) if (!signed.some((officer) => officer.department === department)) missing.push(department);
  return missing;
}

/** The written refusal note is signed by the leader and at least one other officer of the team. */
export function refusalNoteSigned(signed: readonly SigningOfficer[]): boolean {
  return signed.some((officer) => officer.leader) && signed.length >= 2;
}

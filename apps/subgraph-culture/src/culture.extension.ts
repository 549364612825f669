import type { DepartmentExtension } from '@dr/department-kit';
import { CulturePenaltyCases1800000000001 } from './migrations/1800000000001-culture-penalty-cases';
import { PenaltyCaseEntity } from './penalty-cases/penalty-case.entity';
import { PenaltyCaseResolver } from './penalty-cases/penalty-case.resolver';
import { PenaltyCaseService } from './penalty-cases/penalty-case.service';

/**
 * What the culture department adds to the shared department subgraph (ADR 0014): a published result
 * coded 8 (待后续处理) hands the visit off to an administrative-penalty case, which the culture admin files
 * (立案号, date) and moves through 调查, 处罚决定 and 结案.
 */
export const CULTURE_EXTENSION: DepartmentExtension = {
  resolvers: [PenaltyCaseResolver],
  entities: [PenaltyCaseEntity],
  migrations: [CulturePenaltyCases1800000000001],
  onResultPublished: (manager, result) => PenaltyCaseService.handOffFromResult(manager, result),
};

import { CheckItemEntity, SectionEntity, SectionItemEntity } from './entities';
import { DepartmentInitial1700000000001 } from './migrations/1700000000001-department-initial';

/** Every department subgraph has these tables in its own database. */
export const DEPARTMENT_ENTITIES = [CheckItemEntity, SectionEntity, SectionItemEntity];
export const DEPARTMENT_MIGRATIONS = [DepartmentInitial1700000000001];

import { runDepartmentSubgraph } from '@dr/department-kit';

runDepartmentSubgraph('market', 4003);

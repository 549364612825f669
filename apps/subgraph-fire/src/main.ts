import { runDepartmentSubgraph } from '@dr/department-kit';

runDepartmentSubgraph('fire', 4004);

import { runDepartmentSubgraph } from '@dr/department-kit';

runDepartmentSubgraph('culture', 4002);

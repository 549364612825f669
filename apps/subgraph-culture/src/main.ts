import { runDepartmentSubgraph } from '@dr/department-kit';
import { CULTURE_EXTENSION } from './culture.extension';

runDepartmentSubgraph('culture', 4002, CULTURE_EXTENSION);

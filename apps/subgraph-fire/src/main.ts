import { runDepartmentSubgraph } from '@dr/department-kit';
import { FIRE_EXTENSION } from './fire.extension';

runDepartmentSubgraph('fire', 4004, FIRE_EXTENSION);

import { printDepartmentSchema } from '@dr/department-kit';

printDepartmentSchema('culture', __dirname);

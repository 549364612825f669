import { printDepartmentSchema } from '@dr/department-kit';

printDepartmentSchema('fire', __dirname);

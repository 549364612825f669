import { printDepartmentSchema } from '@dr/department-kit';

printDepartmentSchema('market', __dirname);

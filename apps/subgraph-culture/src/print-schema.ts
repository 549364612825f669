import { printDepartmentSchema } from '@dr/department-kit';
import { CULTURE_EXTENSION } from './culture.extension';

printDepartmentSchema('culture', __dirname, CULTURE_EXTENSION);

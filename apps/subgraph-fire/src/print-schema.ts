import { printDepartmentSchema } from '@dr/department-kit';
import { FIRE_EXTENSION } from './fire.extension';

printDepartmentSchema('fire', __dirname, FIRE_EXTENSION);

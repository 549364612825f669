import { printDepartmentSchema } from '@dr/department-kit';
import { MARKET_EXTENSION } from './market.extension';

printDepartmentSchema('market', __dirname, MARKET_EXTENSION);

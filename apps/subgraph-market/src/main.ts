import { runDepartmentSubgraph } from '@dr/department-kit';
import { MARKET_EXTENSION } from './market.extension';

runDepartmentSubgraph('market', 4003, MARKET_EXTENSION);

import type { DepartmentExtension } from '@dr/department-kit';
import { AbnormalListingEntity } from './abnormal-listings/abnormal-listing.entity';
import { AbnormalListingResolver } from './abnormal-listings/abnormal-listing.resolver';
import { AbnormalListingService } from './abnormal-listings/abnormal-listing.service';
import { MarketAbnormalListings1800000000001 } from './migrations/1800000000001-market-abnormal-listings';

/**
 * What the market department adds to the shared department subgraph (ADR 0014): a published result
 * coded 4 (无法联系) proposes listing the business in 经营异常名录, which a market admin confirms or withdraws.
 */
export const MARKET_EXTENSION: DepartmentExtension = {
  resolvers: [AbnormalListingResolver],
  entities: [AbnormalListingEntity],
  migrations: [MarketAbnormalListings1800000000001],
  // In the publication's transaction: no published code 4 without its proposal, and no proposal without the publication.
  onResultPublished: (manager, result) => AbnormalListingService.proposeFromResult(manager, result),
};

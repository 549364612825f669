import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { createByIdLoader, createGroupLoader, type RequestContext } from '@dr/subgraph-kit';
import { Plan } from './plan/plan.entity';
import { Venue } from './venue/venue.entity';
import { Inspector } from './inspector/inspector.entity';
import { Inspection } from './inspection/inspection.entity';
import { TeamMember } from './inspection/team-member.entity';
import { InspectorConflict } from './inspector/conflict.entity';
import { RecordSignature, VenueResponse } from './visit/visit.entities';

export interface OfficeLoaders {
  plan: DataLoader<string, Plan | null>;
  venue: DataLoader<string, Venue | null>;
  inspector: DataLoader<string, Inspector | null>;
  inspection: DataLoader<string, Inspection | null>;
  teamByInspection: DataLoader<string, TeamMember[]>;
  conflictsByInspector: DataLoader<string, InspectorConflict[]>;
  signaturesByInspection: DataLoader<string, RecordSignature[]>;
  venueResponse: DataLoader<string, VenueResponse[]>;
}

export type OfficeContext = RequestContext<OfficeLoaders>;

export function createOfficeLoaders(dataSource: DataSource): OfficeLoaders {
  return {
    plan: createByIdLoader(dataSource, Plan),
    venue: createByIdLoader(dataSource, Venue),
    inspector: createByIdLoader(dataSource, Inspector),
    inspection: createByIdLoader(dataSource, Inspection),
    teamByInspection: createGroupLoader(dataSource, TeamMember, 'inspectionId', { position: 'ASC' }),
    conflictsByInspector: createGroupLoader(dataSource, InspectorConflict, 'inspectorId', { venueId: 'ASC' }),
    signaturesByInspection: createGroupLoader(dataSource, RecordSignature, 'inspectionId', { signedAt: 'ASC' }),
    venueResponse: createGroupLoader(dataSource, VenueResponse, 'inspectionId'),
  };
}

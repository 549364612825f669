import { Plan } from './plan/plan.entity';
import { Venue } from './venue/venue.entity';
import { Inspector } from './inspector/inspector.entity';
import { Inspection } from './inspection/inspection.entity';
import { TeamMember } from './inspection/team-member.entity';
import { User } from './auth/user.entity';
import { InspectorConflict } from './inspector/conflict.entity';
import { Draw, DrawBlob } from './draw/draw.entity';
import { OfficeInitial1700000000000 } from './migrations/1700000000000-office-initial';
import { DirectoriesAndDraws1700000000002 } from './migrations/1700000000002-directories-and-draws';
import { DirectoryImports1700000000003 } from './migrations/1700000000003-directory-imports';
import { ImportJob, ImportRowError } from './directory-import/import-job.entity';
import { RecordSignature, VenueResponse } from './visit/visit.entities';
import { Visits1700000000004 } from './migrations/1700000000004-visits';
import { IdempotentRequest, InboxEventEntity, OutboxEventEntity } from '@dr/subgraph-kit';
import { OfficeEvents1700000000010 } from './migrations/1700000000010-events';

export const OFFICE_ENTITIES = [Plan, Venue, Inspector, InspectorConflict, Inspection, TeamMember, User, Draw, DrawBlob, ImportJob, ImportRowError, RecordSignature, VenueResponse, IdempotentRequest, OutboxEventEntity, InboxEventEntity];
export const OFFICE_MIGRATIONS = [OfficeInitial1700000000000, DirectoriesAndDraws1700000000002, DirectoryImports1700000000003, Visits1700000000004, OfficeEvents1700000000010];
